namespace LogPipeline.Kafka;

/// <summary>How a <see cref="BatchConsumerWorker"/> forms batches and retries them.</summary>
public sealed class BatchConsumerOptions
{
    public string Topic { get; set; } = "";

    public string ConsumerGroup { get; set; } = "";

    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long a batch may wait to fill once its first message has arrived.</summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}
