using Confluent.Kafka;

namespace LogPipeline.Kafka;

/// <summary>The time a record's plausibility window is measured from: its Kafka timestamp, else now.</summary>
public static class MessageTime
{
    public static long ReferenceMilliseconds(ConsumeResult<byte[]?, byte[]?> result) =>
        result.Message?.Timestamp is { Type: not TimestampType.NotAvailable, UnixTimestampMs: > 0 } timestamp
            ? timestamp.UnixTimestampMs
            : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
