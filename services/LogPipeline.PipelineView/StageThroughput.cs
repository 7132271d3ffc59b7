namespace LogPipeline.PipelineView;

/// <summary>One stage's records per second now and over the window (<c>[timeMs, rate]</c> pairs), and its running total.</summary>
public sealed record StageThroughput(string Stage, double RatePerSecond, long Total, IReadOnlyList<double[]> History);
