namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// How much telemetry the dashboard keeps in memory (<c>Dashboard:Telemetry</c>). The window is bounded: the oldest
/// entries go first, so memory stays flat whatever the services send.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Dashboard:Telemetry";

    public int MaxLogs { get; set; } = 10_000;

    public int MaxTraces { get; set; } = 10_000;

    public int MaxSpans { get; set; } = 60_000;

    /// <summary>Points kept per metric series (an hour at the services' 5 s export interval).</summary>
    public int MaxPointsPerSeries { get; set; } = 720;

    /// <summary>Attribute combinations kept per instrument; more are dropped rather than growing without bound.</summary>
    public int MaxSeriesPerInstrument { get; set; } = 200;
}
