namespace LogPipeline.Storage.Schema;

/// <summary>Key and attribute names of the <c>KafkaLogCounters</c> table.</summary>
public static class CounterAttributes
{
    public const string Series = "series";
    public const string Bucket = "bucket";
    public const string ExpiresAt = "expiresAt";

    /// <summary>On an offset marker: the next offset of its partition not yet counted.</summary>
    public const string NextOffset = "next_offset";

    /// <summary>On a re-drive record: <c>sending</c> until the broker acknowledged the re-driven message, then <c>sent</c>.</summary>
    public const string RedriveState = "redrive_state";

    /// <summary>On a re-drive record: the claim of the request that re-drives it (a random id).</summary>
    public const string ClaimId = "claim_id";

    /// <summary>On a re-drive record: when it was claimed, epoch milliseconds.</summary>
    public const string ClaimedAt = "claimed_at";

    /// <summary>On a re-drive record: the log id of the re-driven dead letter.</summary>
    public const string LogId = "log_id";
}
