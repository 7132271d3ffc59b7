namespace LogPipeline.Storage.Schema;

/// <summary>Key and attribute names of the <c>KafkaLogCounters</c> table.</summary>
public static class CounterAttributes
{
    public const string Series = "series";
    public const string Bucket = "bucket";
    public const string ExpiresAt = "expiresAt";

    /// <summary>On an offset marker: the next offset of its partition not yet counted.</summary>
    public const string NextOffset = "next_offset";
}
