namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// One reported value of a series, always cumulative for sums and histograms (delta reports are accumulated on
/// receipt). For histograms <see cref="Value"/> is the count, and the buckets are kept for percentiles.
/// </summary>
public sealed record MetricPoint(double TimeMs, double Value, double Sum = 0, double[]? Bounds = null, long[]? Buckets = null);
