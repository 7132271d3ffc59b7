using LogPipeline.Contracts;
using LogPipeline.RandomCutForest;

namespace LogPipeline.Scorer;

/// <summary><c>Pipeline:Scorer</c> and the topics it reads and writes (<c>Pipeline:Topics</c>).</summary>
public sealed class ScorerOptions
{
    public const string Section = "Pipeline:Scorer";

    public string ConsumerGroup { get; set; } = ConsumerGroups.Scorer;

    /// <summary>
    /// Records per scoring call at most. A batch goes round consume → features → endpoint → acknowledged produce →
    /// commit before the next, so when the scorer is behind its throughput is this over that round's time: 2,000 scored
    /// 35–38 % more than 500 at 2,000–3,000 logs/s on two cores (README, "End to end under load"). Below that, batches
    /// close after <see cref="MaxBatchWait"/> and are smaller.
    /// </summary>
    public int BatchSize { get; set; } = 2000;

    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The SageMaker endpoint (locally: the RCF endpoint's model) that scores the features.</summary>
    public string EndpointName { get; set; } = "rcf-anomaly-endpoint";

    public AnomalyThresholdOptions Threshold { get; set; } = new();

    /// <summary>
    /// Ask the endpoint for each score's attribution and explain every anomaly with it. An endpoint without the
    /// extension (SageMaker's built-in RCF) answers scores only; anomalies then go unexplained.
    /// </summary>
    public bool Explain { get; set; } = true;
}
