namespace LogPipeline.Kafka;

/// <summary>What a failed batch tells about its records, as decided by <see cref="FailureClassifier"/>.</summary>
public enum FailureKind
{
    /// <summary>The outside world is unavailable or throttling (broker, endpoint, DynamoDB): retry, never dead-letter.</summary>
    Transient,

    /// <summary>A record can never succeed (validation, too large, out of range, serialization): isolate it now.</summary>
    Permanent,

    /// <summary>Not recognised: retried like a transient failure, isolated once it persists past a bounded number of attempts.</summary>
    Unknown,
}
