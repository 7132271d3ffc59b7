namespace LogPipeline.RandomCutForest;

/// <summary>
/// Decides whether a score is anomalous: a fixed threshold, or mean + k·σ of exponentially decayed statistics of
/// recent scores, never below a floor. Scores above the threshold are not learned, or learned clipped at it
/// (<see cref="AnomalyThresholdOptions.LearnScoresAboveThreshold"/>), so anomalies cannot widen the band enough to
/// hide the next one. Zero scores (a forest still warming up) are
/// never anomalous and are not counted. The one threshold of the engine's callers: the scorer (per log record)
/// and streaming series such as NAB's. Not thread-safe.
/// </summary>
public sealed class AnomalyThreshold
{
    private double _mean;
    private double _variance;
    private bool _inExcursion;
    private long _sinceFlag = long.MaxValue;

    public AnomalyThreshold(AnomalyThresholdOptions? options = null)
    {
        Options = options ?? new AnomalyThresholdOptions();
        Options.Validate();
        ModeName = Options.Mode == ThresholdMode.Fixed ? "fixed" : "adaptive";
    }

    public AnomalyThresholdOptions Options { get; }

    public ThresholdMode Mode => Options.Mode;

    /// <summary>"fixed" or "adaptive", as the scorer reports it.</summary>
    public string ModeName { get; }

    /// <summary>Decayed mean of the scores learned.</summary>
    public double Mean => _mean;

    /// <summary>Decayed standard deviation of the scores learned.</summary>
    public double StandardDeviation => Math.Sqrt(_variance);

    /// <summary>Non-zero scores learned.</summary>
    public long Observed { get; private set; }

    /// <summary>The score the next one must exceed to be flagged.</summary>
    public double Current => Options.Mode == ThresholdMode.Fixed || Observed < Options.WarmUp
        ? Options.Value
        : Math.Max(Options.Floor, _mean + (Options.Sigmas * StandardDeviation));

    /// <summary>Judges <paramref name="score"/> against the scores before it, then learns from it.</summary>
    public bool IsAnomaly(double score) => Evaluate(score, out _);

    /// <summary>Judges <paramref name="score"/> against <paramref name="threshold"/>, the threshold in force, then learns from it.</summary>
    public bool Evaluate(double score, out double threshold)
    {
        threshold = Current;
        if (!(score > 0))
        {
            return false;
        }

        var above = score > threshold;
        _sinceFlag = _sinceFlag == long.MaxValue ? long.MaxValue : _sinceFlag + 1;
        var anomalous = above
            && !(Options.FlagOncePerExcursion && _inExcursion)
            && _sinceFlag > Options.QuietPeriod;
        _inExcursion = above;
        if (anomalous)
        {
            _sinceFlag = 0;
        }

        if (above)
        {
            if (Options.LearnScoresAboveThreshold)
            {
                Learn(threshold);
            }
        }
        else if (double.IsFinite(score))
        {
            Learn(score);
        }

        return anomalous;
    }

    private void Learn(double score)
    {
        Observed++;

        // Until the window fills, weight as a plain running average; then decay (West's incremental update).
        var weight = Math.Max(Options.DecayRate, 1.0 / Observed);
        var deviation = score - _mean;
        _mean += weight * deviation;
        _variance = (1 - weight) * (_variance + (weight * deviation * deviation));
    }
}
