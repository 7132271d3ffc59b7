namespace LogPipeline.PipelineView.Scores;

/// <summary>The score chart's data, column-wise (compact as JSON).</summary>
public sealed record ScoreSeries(int BucketMilliseconds, double FromMs)
{
    public List<double> Time { get; } = [];

    public List<int> Count { get; } = [];

    public List<double> Mean { get; } = [];

    public List<double> Max { get; } = [];

    public List<int> Flagged { get; } = [];

    public List<double?> Threshold { get; } = [];
}
