namespace LogPipeline.LoadHarness;

/// <summary>
/// What one rate's measured window showed: throughput per stage from Kafka's offsets, each stage's lag, the marked
/// records' latencies and fate, and CPU and memory per process. <see cref="Limit"/> names what kept the pipeline
/// from keeping up (null when it kept up).
/// </summary>
public sealed record RateResult(
    int Index,
    double TargetRate,
    double MeasuredSeconds,
    double ProducedPerSecond,
    double ScoredPerSecond,
    double StoredPerSecond,
    double ArchivedPerSecond,
    IReadOnlyList<StageLag> Lags,
    Percentiles ScoredLatency,
    Percentiles QueryableLatency,
    int Marked,
    int Lost,
    int Late,
    int NeverScored,
    int ScoredTwice,
    int DeliveryFailed,
    IReadOnlyList<ProcessFigure> Processes,
    string? Limit)
{
    public bool KeepsUp => Limit is null;
}
