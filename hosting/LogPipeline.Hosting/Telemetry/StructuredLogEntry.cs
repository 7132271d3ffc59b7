namespace LogPipeline.Hosting.Telemetry;

/// <summary>One received OTLP log record.</summary>
public sealed record StructuredLogEntry(
    long Sequence,
    double TimeMs,
    string Service,
    string Level,
    int SeverityNumber,
    string Message,
    string Category,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<KeyValuePair<string, string>> Attributes);
