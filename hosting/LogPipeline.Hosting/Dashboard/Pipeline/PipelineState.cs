using System.Text.Json;

namespace LogPipeline.Hosting.Dashboard.Pipeline;

/// <summary>Everything the pipeline view shows, sampled once a second.</summary>
public sealed record PipelineState
{
    public double TimeMs { get; init; }

    public IReadOnlyList<StageThroughput> Stages { get; init; } = [];

    public IReadOnlyList<PartitionLag> Lag { get; init; } = [];

    public long DeadLettered { get; init; }

    public ScoreSeries? Scores { get; init; }

    public double? Threshold { get; init; }

    public string? ThresholdMode { get; init; }

    /// <summary>Scores and flags seen in spans since the app host started.</summary>
    public long ScoresSeen { get; init; }

    public long FlaggedSeen { get; init; }

    /// <summary>The scorer's <c>/api/scorer/quality</c>: precision and recall against the generator's labels.</summary>
    public JsonElement? Quality { get; init; }

    /// <summary>The generator's <c>/control/status</c>: rate and records produced by anomaly kind.</summary>
    public JsonElement? Generator { get; init; }

    public IReadOnlyList<DetectedAnomaly> Anomalies { get; init; } = [];

    public string? QueryApiUrl { get; init; }
}

/// <summary>One stage's records per second now and over the window, and its running total.</summary>
public sealed record StageThroughput(string Stage, string Resource, string Metric, double RatePerSecond, double Total, IReadOnlyList<double[]> History);

public sealed record PartitionLag(string Service, string Group, string Topic, string Partition, double Lag);

/// <summary>A flagged log: its id (for the query API), score, the trace that carried it and the generator's label.</summary>
public sealed record DetectedAnomaly(string LogId, double Score, double TimeMs, string TraceId, string? InjectedKind);
