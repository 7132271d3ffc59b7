using System.Text.Json;
using LogPipeline.PipelineView.Kafka;
using LogPipeline.PipelineView.Scores;

namespace LogPipeline.PipelineView;

/// <summary>Everything the pipeline view shows, sampled once per <see cref="PipelineViewOptions.SampleInterval"/>.</summary>
public sealed record PipelineState
{
    public double TimeMs { get; init; }

    /// <summary>generated (raw topic), scored (scorer's commits), stored (writer's commits).</summary>
    public IReadOnlyList<StageThroughput> Stages { get; init; } = [];

    public IReadOnlyList<PartitionLag> Lag { get; init; } = [];

    /// <summary>Messages in the dead-letter topic.</summary>
    public long DeadLettered { get; init; }

    /// <summary>Why the last offset sample failed, or null when Kafka answered.</summary>
    public string? KafkaError { get; init; }

    public ScoreSeries? Scores { get; init; }

    /// <summary>The threshold in force: the scorer's answer, else the one the newest scored record carried.</summary>
    public double? Threshold { get; init; }

    public string? ThresholdMode { get; init; }

    /// <summary>Scored records seen (and flagged among them) since the view started.</summary>
    public long ScoresSeen { get; init; }

    public long FlaggedSeen { get; init; }

    /// <summary>The scorer's <c>/api/scorer/quality</c>: precision and recall against the generator's labels.</summary>
    public JsonElement? Quality { get; init; }

    /// <summary>The generator's <c>/control/status</c>: rate and records produced by anomaly kind.</summary>
    public JsonElement? Generator { get; init; }

    public IReadOnlyList<DetectedAnomaly> Anomalies { get; init; } = [];
}
