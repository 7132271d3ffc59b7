namespace LogPipeline.Contracts;

/// <summary>
/// Headers on a <c>logs.dlq</c> message. Its value is the original bytes, unchanged, unless they would not fit in a
/// Kafka message: then the value is their beginning and the <c>original.*</c> headers describe the whole.
/// </summary>
public static class DeadLetterHeaders
{
    public const string Stage = "error.stage";
    public const string Reason = "error.reason";
    public const string SourceTopic = "source.topic";
    public const string SourcePartition = "source.partition";
    public const string SourceOffset = "source.offset";
    public const string Time = "error.time";

    /// <summary>Present only when the value was cut: why, and to how many of how many bytes.</summary>
    public const string Truncated = "error.truncated";

    /// <summary>Size in bytes of the original value, when it was cut.</summary>
    public const string OriginalSize = "original.size";

    /// <summary>Lower-case hex SHA-256 of the original value, when it was cut.</summary>
    public const string OriginalSha256 = "original.sha256";
}
