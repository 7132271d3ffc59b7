namespace LogPipeline.Kafka.DeadLetters;

public sealed record RedriveItem(DeadLetterId Id, RedriveOutcome Outcome, string? LogId, string? Reason);
