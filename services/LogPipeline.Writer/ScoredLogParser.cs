using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.Writer;

/// <summary>Reads a <c>logs.scored</c> message and checks that it can become a DynamoDB item.</summary>
public static class ScoredLogParser
{
    /// <summary>DynamoDB limits an item to 400 KB; stay well below it (the feature vector is not stored).</summary>
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>DynamoDB limits a partition key to 2048 bytes.</summary>
    const int MaxIdentifierLength = 512;

    public static bool TryParse(byte[]? value, [NotNullWhen(true)] out ScoredLog? log, [NotNullWhen(false)] out string? error)
    {
        log = null;
        if (value is null || value.Length == 0)
        {
            error = "empty message";
            return false;
        }

        if (value.Length > MaxMessageBytes)
        {
            error = $"message is {value.Length} bytes, larger than the {MaxMessageBytes} byte limit";
            return false;
        }

        try
        {
            log = JsonSerializer.Deserialize(value, ContractsJsonContext.Default.ScoredLog);
        }
        catch (JsonException ex)
        {
            error = $"invalid scored log JSON: {ex.Message}";
            return false;
        }

        if (log is null)
        {
            error = "message is JSON null";
            return false;
        }

        error = Validate(log);
        if (error is not null)
        {
            log = null;
            return false;
        }

        return true;
    }

    static string? Validate(ScoredLog log) => log switch
    {
        { LogIdentifier: null or "" } => "missing log_identifier",
        { LogIdentifier.Length: > MaxIdentifierLength } => $"log_identifier is longer than {MaxIdentifierLength} characters",
        { Timestamp: <= 0 } => "timestamp must be positive epoch milliseconds",
        { LogLevel: null or "" } => "missing log_level",
        { Method: null or "" } => "missing method",
        { Path: null or "" } => "missing path",
        { StatusCode: < 100 or > 599 } => $"status_code {log.StatusCode} is not an HTTP status (100-599)",
        _ when !double.IsFinite(log.ResponseTime) || log.ResponseTime < 0 => "response_time must be a non-negative number",
        _ when !double.IsFinite(log.AnomalyScore) => "anomaly_score must be a finite number",
        _ when !double.IsFinite(log.Threshold) => "threshold must be a finite number",
        _ => null,
    };
}
