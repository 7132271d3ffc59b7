namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Request body formats of SageMaker's RCF algorithm (protobuf recordIO aside).</summary>
public enum InputFormat
{
    /// <summary><c>application/json</c>: <c>{"instances":[{"features":[..]}]}</c> or <c>{"data":{"features":{"values":[..]}}}</c>.</summary>
    Json,

    /// <summary><c>text/csv</c>: one record per line.</summary>
    Csv,

    /// <summary><c>application/jsonlines</c>: one <c>{"features":[..]}</c> per line.</summary>
    JsonLines,
}
