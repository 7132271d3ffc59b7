using LogPipeline.Contracts;

namespace LogPipeline.Writer;

/// <summary>The <c>Pipeline:Writer</c> section.</summary>
public sealed class WriterOptions
{
    public const string SectionName = "Pipeline:Writer";

    public string ConsumerGroup { get; set; } = ConsumerGroups.Writer;

    public int BatchSize { get; set; } = 500;

    /// <summary>How long a batch may wait to fill once its first message has arrived.</summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(200);
}
