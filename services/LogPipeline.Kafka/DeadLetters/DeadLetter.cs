namespace LogPipeline.Kafka.DeadLetters;

/// <summary>
/// One message of <c>logs.dlq</c> with its headers read (<see cref="LogPipeline.Contracts.DeadLetterHeaders"/>).
/// <see cref="Value"/> is the original bytes, or their beginning when <see cref="Truncated"/>.
/// </summary>
public sealed record DeadLetter(
    DeadLetterId Id,
    string Stage,
    string Reason,
    string? SourceTopic,
    int? SourcePartition,
    long? SourceOffset,
    DateTimeOffset? FailedAt,
    bool Truncated,
    long? OriginalSize,
    string? Key,
    byte[] Value);
