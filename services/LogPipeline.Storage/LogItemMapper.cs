using System.Globalization;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Contracts;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage;

/// <summary>Maps a <see cref="ScoredLog"/> to a <c>KafkaLogData</c> item and back: the one place the table's attributes meet the record.</summary>
public sealed class LogItemMapper(StorageOptions options)
{
    readonly long _retentionSeconds = (long)TimeSpan.FromDays(options.RetentionDays).TotalSeconds;

    /// <summary>Expiry in epoch seconds: the event time plus the retention.</summary>
    public long ExpiresAt(long timestampMs) => Math.DivRem(timestampMs, 1000L).Quotient + _retentionSeconds;

    public bool BelongsInAnomalyIndex(ScoreVerdict verdict) => verdict.IsAnomaly || verdict.AnomalyScore >= options.AnomalyIndexFloor;

    public Dictionary<string, AttributeValue> ToItem(ScoredLog scored)
    {
        var (log, verdict) = scored;
        var shard = WriteSharding.ShardOf(log.LogIdentifier, options.WriteShards);
        var item = new Dictionary<string, AttributeValue>(24)
        {
            [LogAttributes.LogId] = S(log.LogIdentifier),
            [LogAttributes.Timestamp] = N(log.Timestamp),
            [LogAttributes.LogLevel] = S(log.LogLevel),
            [LogAttributes.Method] = S(log.Method),
            [LogAttributes.Path] = S(log.Path),
            [LogAttributes.StatusCode] = N(log.StatusCode),
            [LogAttributes.ResponseTime] = N(log.ResponseTime),
            [LogAttributes.ExpiresAt] = N(ExpiresAt(log.Timestamp)),
            [LogAttributes.TimeShard] = S(WriteSharding.TimeShardKey(WriteSharding.BucketStart(log.Timestamp, options.TimeBucketMilliseconds), shard)),
        };

        // DynamoDB rejects empty strings in key attributes only, but leaving blanks out keeps items small.
        AddIfPresent(item, LogAttributes.IpAddress, log.IpAddress);
        AddIfPresent(item, LogAttributes.UserId, log.UserId);
        AddIfPresent(item, LogAttributes.Message, log.Message);
        AddIfPresent(item, LogAttributes.Service, log.Service);
        AddIfPresent(item, LogAttributes.InjectedAnomaly, log.InjectedAnomaly);
        if (log.BytesSent is { } bytes)
        {
            item[LogAttributes.BytesSent] = N(bytes);
        }

        AddVerdict(item, verdict);
        if (BelongsInAnomalyIndex(verdict))
        {
            item[LogAttributes.AnomalyShard] = S(WriteSharding.AnomalyShardKey(shard));
        }

        return item;
    }

    public static StoredLog FromItem(Dictionary<string, AttributeValue> item)
    {
        var log = new LogRecord
        {
            LogIdentifier = GetString(item, LogAttributes.LogId) ?? "",
            Timestamp = GetLong(item, LogAttributes.Timestamp),
            LogLevel = GetString(item, LogAttributes.LogLevel) ?? "",
            IpAddress = GetString(item, LogAttributes.IpAddress) ?? "",
            UserId = GetString(item, LogAttributes.UserId) ?? "",
            Method = GetString(item, LogAttributes.Method) ?? "",
            Path = GetString(item, LogAttributes.Path) ?? "",
            StatusCode = (int)GetLong(item, LogAttributes.StatusCode),
            ResponseTime = GetDouble(item, LogAttributes.ResponseTime),
            Message = GetString(item, LogAttributes.Message) ?? "",
            BytesSent = item.ContainsKey(LogAttributes.BytesSent) ? GetLong(item, LogAttributes.BytesSent) : null,
            Service = GetString(item, LogAttributes.Service),
            InjectedAnomaly = GetString(item, LogAttributes.InjectedAnomaly),
        };
        return new StoredLog(new ScoredLog(log, VerdictOf(item)), GetLong(item, LogAttributes.ExpiresAt));
    }

    // The verdict's attributes, both ways: a new verdict field is one line in each of these two.
    static void AddVerdict(Dictionary<string, AttributeValue> item, ScoreVerdict verdict)
    {
        item[LogAttributes.AnomalyScore] = N(verdict.AnomalyScore);
        item[LogAttributes.IsAnomaly] = new AttributeValue { BOOL = verdict.IsAnomaly };
        item[LogAttributes.Threshold] = N(verdict.Threshold);
        item[LogAttributes.ScoredAt] = N(verdict.ScoredAt);
        AddIfPresent(item, LogAttributes.ThresholdMode, verdict.ThresholdMode);
        AddIfPresent(item, LogAttributes.Model, verdict.Model);
        AddIfPresent(item, LogAttributes.Explanation, verdict.Explanation);
    }

    static ScoreVerdict VerdictOf(Dictionary<string, AttributeValue> item) => new()
    {
        AnomalyScore = GetDouble(item, LogAttributes.AnomalyScore),
        IsAnomaly = item.TryGetValue(LogAttributes.IsAnomaly, out var flag) && flag.BOOL == true,
        Threshold = GetDouble(item, LogAttributes.Threshold),
        ThresholdMode = GetString(item, LogAttributes.ThresholdMode) ?? "",
        ScoredAt = GetLong(item, LogAttributes.ScoredAt),
        Model = GetString(item, LogAttributes.Model) ?? "",
        Explanation = GetString(item, LogAttributes.Explanation),
    };

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    internal static AttributeValue N(double value) => new() { N = value.ToString("R", CultureInfo.InvariantCulture) };

    internal static string? GetString(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    internal static long GetLong(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n
            ? long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
                ? whole
                : (long)decimal.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0;

    internal static double GetDouble(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n
            ? double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0;

    static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = S(value);
        }
    }
}
