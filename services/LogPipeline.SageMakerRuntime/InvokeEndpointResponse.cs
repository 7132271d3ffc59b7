namespace LogPipeline.SageMakerRuntime;

/// <summary>The result of SageMaker's InvokeEndpoint, named as in the AWS SDK.</summary>
public sealed class InvokeEndpointResponse
{
    public required byte[] Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The production variant that answered (<c>x-Amzn-Invoked-Production-Variant</c>).</summary>
    public string? InvokedProductionVariant { get; init; }

    public string? CustomAttributes { get; init; }
}
