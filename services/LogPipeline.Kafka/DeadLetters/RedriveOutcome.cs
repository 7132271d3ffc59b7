namespace LogPipeline.Kafka.DeadLetters;

/// <summary>What a re-drive did with one selected dead letter.</summary>
public enum RedriveOutcome
{
    /// <summary>Published to <c>logs.raw</c> again, acknowledged by the broker.</summary>
    Redriven,

    /// <summary>Still not a valid log under today's rules: left in <c>logs.dlq</c>, with the reason.</summary>
    FailedAgain,

    /// <summary>Its log id is already stored: sending it again would change nothing.</summary>
    AlreadyStored,

    /// <summary>Re-driven by an earlier request (as SQS answers a message moved already): not published again.</summary>
    AlreadyRedriven,

    /// <summary>Another selected dead letter carries the same log id and was handled instead.</summary>
    Duplicate,

    /// <summary>No message at that id (never written, or gone with the topic's retention).</summary>
    NotFound,
}
