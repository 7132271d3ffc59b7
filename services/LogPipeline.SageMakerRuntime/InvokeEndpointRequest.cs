namespace LogPipeline.SageMakerRuntime;

/// <summary>The parameters of SageMaker's InvokeEndpoint, named as in the AWS SDK.</summary>
public sealed class InvokeEndpointRequest
{
    public required string EndpointName { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The MIME type of <see cref="Body"/>, e.g. <c>application/json</c> or <c>text/csv</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The MIME type wanted in the response; null leaves it to the model.</summary>
    public string? Accept { get; init; }

    /// <summary>Sent as <c>X-Amzn-SageMaker-Custom-Attributes</c> and passed to the model verbatim.</summary>
    public string? CustomAttributes { get; init; }

    /// <summary>Sent as <c>X-Amzn-SageMaker-Target-Variant</c>: the production variant to invoke.</summary>
    public string? TargetVariant { get; init; }
}
