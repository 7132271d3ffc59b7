namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Response formats, chosen by the request's <c>Accept</c> header.</summary>
public enum OutputFormat
{
    /// <summary><c>application/json</c>: <c>{"scores":[{"score":x},..]}</c> (the default).</summary>
    Json,

    /// <summary><c>application/jsonlines</c>: one <c>{"score":x}</c> per line.</summary>
    JsonLines,
}
