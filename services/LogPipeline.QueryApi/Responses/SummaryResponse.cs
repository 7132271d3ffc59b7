namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// Totals over whole minutes (<c>from</c>/<c>to</c> are the covered range, aligned to minutes). Response-time
/// percentiles are estimates from a histogram whose buckets are √2 apart (within about ±19%).
/// </summary>
public sealed record SummaryResponse(
    long From,
    string FromIso,
    long To,
    string ToIso,
    long Total,
    long Anomalies,
    double AnomalyRate,
    IReadOnlyDictionary<string, long> Levels,
    IReadOnlyDictionary<string, long> StatusClasses,
    IReadOnlyList<TopPathResponse> TopPaths,
    ResponseTimeSummary ResponseTime);
