namespace LogPipeline.Storage.Schema;

/// <summary>Attribute names of a <c>KafkaLogData</c> item: the articles' names plus the verdict, TTL and index keys.</summary>
public static class LogAttributes
{
    public const string LogId = "logId";
    public const string Timestamp = "timestamp";
    public const string LogLevel = "log_level";
    public const string IpAddress = "ip_address";
    public const string UserId = "user_id";
    public const string Method = "method";
    public const string Path = "path";
    public const string StatusCode = "status_code";
    public const string ResponseTime = "response_time";
    public const string Message = "message";
    public const string BytesSent = "bytes_sent";
    public const string Service = "service";
    public const string InjectedAnomaly = "injected_anomaly";
    public const string AnomalyScore = "anomalyScore";
    public const string IsAnomaly = "isAnomaly";
    public const string Threshold = "threshold";
    public const string ThresholdMode = "thresholdMode";
    public const string ScoredAt = "scoredAt";
    public const string Model = "model";

    /// <summary>Why an anomaly was flagged (the scorer's explanation); only on explained anomalies.</summary>
    public const string Explanation = "explanation";

    /// <summary>TTL: expiry in epoch SECONDS (DynamoDB ignores values in milliseconds: they lie far in the future).</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Time-index partition key: <c>{bucket start, ISO minute}Z#{shard}</c>.</summary>
    public const string TimeShard = "timeShard";

    /// <summary>Anomaly-index partition key: the shard number; present only on items the index should hold.</summary>
    public const string AnomalyShard = "anomalyShard";
}
