namespace LogPipeline.Kafka.DeadLetters;

/// <summary>A re-drive's tally, as SQS's redrive reports it: what went back, what failed again, and why.</summary>
public sealed record RedriveResult(IReadOnlyList<RedriveItem> Items)
{
    public int Count(RedriveOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}
