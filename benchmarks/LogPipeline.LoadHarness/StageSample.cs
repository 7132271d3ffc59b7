namespace LogPipeline.LoadHarness;

/// <summary>
/// The pipeline's counters at one moment, from Kafka's offsets: records in the raw topic (produced), committed by the
/// scorer (scored), the writer (stored) and the archiver (archived), dead letters, and each stage's lag.
/// </summary>
public sealed record StageSample(
    long AtMs,
    RunPhase Phase,
    long Produced,
    long Scored,
    long Stored,
    long Archived,
    long DeadLetters,
    long ScorerLag,
    long WriterLag,
    long ArchiverLag);
