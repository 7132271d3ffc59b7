namespace LogPipeline.RandomCutForest;

/// <summary>
/// Flags scores that stand out from recent ones: above mean + K·σ of exponentially
/// decayed score statistics and above an absolute floor, once per excursion by default.
/// Zero scores (a forest still warming up) are ignored. Not thread-safe.
/// </summary>
public sealed class AdaptiveThreshold
{
    private readonly double _weight;
    private bool _inExcursion;

    public AdaptiveThreshold(AdaptiveThresholdOptions? options = null)
    {
        Options = options ?? new AdaptiveThresholdOptions();
        Options.Validate();
        _weight = 1.0 / Options.Horizon;
    }

    public AdaptiveThresholdOptions Options { get; }

    /// <summary>Decayed mean of the scores seen.</summary>
    public double Mean { get; private set; }

    /// <summary>Decayed standard deviation of the scores seen.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Non-zero scores seen.</summary>
    public long Count { get; private set; }

    /// <summary>The score the next call must exceed to be flagged (once warmed up).</summary>
    public double Current => Math.Max(Options.MinimumScore, Mean + (Options.K * StandardDeviation));

    private double Variance { get; set; }

    /// <summary>Judges <paramref name="score"/> against the scores before it, then learns from it.</summary>
    public bool IsAnomaly(double score)
    {
        if (!double.IsFinite(score) || score < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "Scores must be finite and non-negative.");
        }

        if (score == 0)
        {
            return false;
        }

        var threshold = Current;
        var warmedUp = Count >= Options.WarmUp;
        var above = warmedUp && score > threshold;
        var anomalous = above && !(Options.FlagOncePerExcursion && _inExcursion);
        _inExcursion = above;
        Learn(warmedUp ? Math.Min(score, threshold) : score);
        return anomalous;
    }

    // Scores above the threshold are learned clipped at it, so that one burst of
    // anomalies does not widen the band enough to hide the next one.
    private void Learn(double score)
    {
        Count++;
        var weight = Math.Max(_weight, 1.0 / Count);
        var deviation = score - Mean;
        Mean += weight * deviation;
        Variance = (1 - weight) * (Variance + (weight * deviation * deviation));
    }
}
