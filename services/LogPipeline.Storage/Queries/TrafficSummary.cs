namespace LogPipeline.Storage.Queries;

/// <summary>Totals over a range, from the counters. Percentiles are estimates from the latency histogram.</summary>
public sealed record TrafficSummary(
    long From,
    long To,
    long Total,
    long Anomalies,
    double AnomalyRate,
    IReadOnlyDictionary<string, long> Levels,
    IReadOnlyDictionary<string, long> StatusClasses,
    IReadOnlyList<PathAnomalies> TopPaths,
    double? MeanResponseTime,
    double? P50ResponseTime,
    double? P95ResponseTime);
