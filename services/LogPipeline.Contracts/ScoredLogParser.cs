using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LogPipeline.Contracts;

/// <summary>
/// Reads a <c>logs.scored</c> message and checks that it can become a stored log (a DynamoDB item, an archived row): the shared
/// <see cref="LogRecordRules"/> plus the scorer's own fields. It never throws, whatever the bytes.
/// </summary>
public static class ScoredLogParser
{
    /// <summary>DynamoDB limits an item to 400 KB; stay well below it (the feature vector is not stored).</summary>
    public const int MaxMessageBytes = 256 * 1024;

    public static bool TryParse(byte[]? value, LogRecordRules rules, long referenceMs, [NotNullWhen(true)] out ScoredLog? log, [NotNullWhen(false)] out string? error)
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
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            error = $"invalid scored log text: {ex.Message}";
            return false;
        }

        if (log is null)
        {
            error = "message is JSON null";
            return false;
        }

        error = rules.Check(log, referenceMs) ?? CheckVerdict(log);
        if (error is not null)
        {
            log = null;
            return false;
        }

        return true;
    }

    static string? CheckVerdict(ScoredLog log) => log switch
    {
        _ when !double.IsFinite(log.AnomalyScore) => "anomaly_score must be a finite number",
        _ when !double.IsFinite(log.Threshold) => "threshold must be a finite number",
        { ScoredAt: < 0 } => "scored_at must be epoch milliseconds",
        _ => null,
    };
}
