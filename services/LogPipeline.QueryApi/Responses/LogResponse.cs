using LogPipeline.Storage;

namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// A stored log as the API serves it, built from its <see cref="Contracts.ScoredLog"/> in <see cref="From(StoredLog)"/> only:
/// the log's fields, then the verdict's; times come as epoch ms and ISO-8601.
/// </summary>
public sealed record LogResponse(
    string LogIdentifier,
    long Timestamp,
    string TimestampIso,
    string LogLevel,
    string IpAddress,
    string UserId,
    string Method,
    string Path,
    int StatusCode,
    double ResponseTime,
    string Message,
    long? BytesSent,
    string? Service,
    string? InjectedAnomaly,
    double AnomalyScore,
    bool IsAnomaly,
    double Threshold,
    string ThresholdMode,
    long ScoredAt,
    string ScoredAtIso,
    string Model,
    string? Explanation,
    long ExpiresAt,
    string ExpiresAtIso)
{
    public static LogResponse From(StoredLog stored)
    {
        var (log, verdict) = stored.Scored;
        return new LogResponse(
            log.LogIdentifier,
            log.Timestamp,
            TimeFormat.Iso(log.Timestamp),
            log.LogLevel,
            log.IpAddress,
            log.UserId,
            log.Method,
            log.Path,
            log.StatusCode,
            log.ResponseTime,
            log.Message,
            log.BytesSent,
            log.Service,
            log.InjectedAnomaly,
            verdict.AnomalyScore,
            verdict.IsAnomaly,
            verdict.Threshold,
            verdict.ThresholdMode,
            verdict.ScoredAt,
            TimeFormat.Iso(verdict.ScoredAt),
            verdict.Model,
            verdict.Explanation,
            stored.ExpiresAtSeconds,
            TimeFormat.Iso(stored.ExpiresAtSeconds * 1000));
    }

    public static List<LogResponse> From(IReadOnlyList<StoredLog> stored)
    {
        var responses = new List<LogResponse>(stored.Count);
        foreach (var log in stored)
        {
            responses.Add(From(log));
        }

        return responses;
    }
}
