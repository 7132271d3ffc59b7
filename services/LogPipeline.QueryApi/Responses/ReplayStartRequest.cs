namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// A replay: <c>from</c>..<c>to</c> (epoch ms or ISO-8601; <c>to</c> excluded), <c>target</c> <c>raw</c> (re-score
/// through logs.raw) or <c>store</c> (restore into DynamoDB), at most <c>rate_per_second</c> logs a second.
/// </summary>
public sealed record ReplayStartRequest(string? From, string? To, string? Target, int? RatePerSecond);
