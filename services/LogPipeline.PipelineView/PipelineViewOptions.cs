using LogPipeline.Contracts;

namespace LogPipeline.PipelineView;

/// <summary>The <c>Pipeline:View</c> section: what the pipeline view samples and how much of it it keeps.</summary>
public sealed class PipelineViewOptions
{
    public const string SectionName = "Pipeline:View";

    /// <summary>How far back the score chart and the throughput chart reach.</summary>
    public int WindowSeconds { get; set; } = 180;

    /// <summary>Scores are summarized per bucket (count, mean, max, flagged, threshold) before they reach the page.</summary>
    public int BucketMilliseconds { get; set; } = 500;

    public int LatestAnomalies { get; set; } = 15;

    /// <summary>How often offsets and the services' APIs are sampled (and the page's live stream sends).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The scorer's consumer group on the raw topic: its committed offsets are the records scored.</summary>
    public string ScorerConsumerGroup { get; set; } = ConsumerGroups.Scorer;

    /// <summary>The writer's consumer group on the scored topic: its committed offsets are the records stored.</summary>
    public string WriterConsumerGroup { get; set; } = ConsumerGroups.Writer;
}
