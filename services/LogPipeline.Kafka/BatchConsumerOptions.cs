namespace LogPipeline.Kafka;

/// <summary>
/// How a <see cref="BatchConsumerWorker"/> forms batches, retries them and isolates poison records. The retry and
/// isolation settings are bound from <c>Pipeline:Consumer</c> for every stage; each stage sets its topic, group and
/// batch size from its own section.
/// </summary>
public sealed class BatchConsumerOptions
{
    public const string SectionName = "Pipeline:Consumer";

    public string Topic { get; set; } = "";

    public string ConsumerGroup { get; set; } = "";

    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long a batch may wait to fill once its first message has arrived.</summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A batch ends once its messages' values hold this many bytes (0: no limit), as a buffer of a given size.</summary>
    public long MaxBatchBytes { get; set; }

    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts of an unclassified failure before the batch is split to find the records that cause it. Transient
    /// failures (outages, throttling) are retried without limit; permanent ones are split at once.
    /// </summary>
    public int MaxAttemptsBeforeIsolation { get; set; } = 5;

    /// <summary>A batch still uncommitted after this long (retried, or hanging in a call) turns the health check Unhealthy.</summary>
    public TimeSpan StuckThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The same settings for another topic, group and batch shape.</summary>
    public BatchConsumerOptions For(string topic, string consumerGroup, int maxBatchSize, TimeSpan maxBatchWait, long maxBatchBytes = 0) => new()
    {
        Topic = topic,
        ConsumerGroup = consumerGroup,
        MaxBatchSize = maxBatchSize,
        MaxBatchWait = maxBatchWait,
        MaxBatchBytes = maxBatchBytes,
        RetryInitialDelay = RetryInitialDelay,
        RetryMaxDelay = RetryMaxDelay,
        MaxAttemptsBeforeIsolation = MaxAttemptsBeforeIsolation,
        StuckThreshold = StuckThreshold,
    };
}
