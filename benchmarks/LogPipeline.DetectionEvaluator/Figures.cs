namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// Counts for one slice of the traffic judged against all normal traffic: anomalies injected and caught, normal
/// records flagged and seen. Precision is that of a stream holding this slice's anomalies and the normal traffic, so
/// a kind's precision counts every false positive of the run.
/// </summary>
public readonly record struct Figures(long Injected, long Caught, long NormalFlagged, long Normal)
{
    public double? Recall => Injected == 0 ? null : (double)Caught / Injected;

    public double? Precision => Caught + NormalFlagged == 0 ? null : (double)Caught / (Caught + NormalFlagged);

    public double? F1 => Recall is { } r && Precision is { } p && r + p > 0 ? 2 * r * p / (r + p) : null;

    /// <summary>Share of normal traffic flagged (false positive rate).</summary>
    public double? NormalFlaggedShare => Normal == 0 ? null : (double)NormalFlagged / Normal;
}
