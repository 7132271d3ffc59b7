namespace LogPipeline.Hosting.Telemetry;

/// <summary>A row of the traces list: the root span's name, when, how long, and which services took part.</summary>
public sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootService,
    double StartMs,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Services,
    bool HasError);
