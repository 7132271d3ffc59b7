namespace LogPipeline.Hosting.Dashboard.Pipeline;

/// <summary>
/// What the pipeline view watches (<c>Dashboard:Pipeline</c>): the resource names of the stages, and the score
/// chart's window. Scores come from spans carrying <c>anomaly.score</c>, the scorer's per-record span.
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Dashboard:Pipeline";

    public string Generator { get; set; } = "generator";

    public string Scorer { get; set; } = "scorer";

    public string RcfEndpoint { get; set; } = "rcf";

    public string Writer { get; set; } = "writer";

    public string QueryApi { get; set; } = "queryapi";

    /// <summary>How far back the score chart and the throughput charts reach.</summary>
    public int WindowSeconds { get; set; } = 180;

    /// <summary>Scores are summarized per bucket (count, mean, max, flagged) before they reach the page.</summary>
    public int BucketMilliseconds { get; set; } = 500;

    public int LatestAnomalies { get; set; } = 15;
}
