namespace LogPipeline.QueryApi.Responses;

/// <summary>Seconds; null when nothing was counted.</summary>
public sealed record ResponseTimeSummary(double? Mean, double? P50, double? P95);
