using System.Text.Json.Serialization;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>The body of <c>GET /execution-parameters</c>, with SageMaker's PascalCase names.</summary>
public sealed record ExecutionParameters(
    [property: JsonPropertyName("MaxConcurrentTransforms")] int MaxConcurrentTransforms,
    [property: JsonPropertyName("BatchStrategy")] string BatchStrategy,
    [property: JsonPropertyName("MaxPayloadInMB")] int MaxPayloadInMB);
