using LogPipeline.Contracts;

namespace LogPipeline.Scorer.Scoring;

/// <summary>
/// Decides whether a score is anomalous: a fixed threshold, or mean + k·σ over an exponentially decayed window of
/// recent normal scores. Flagged scores do not feed the statistics, so a burst cannot raise the bar it is judged by.
/// Zero scores (the model still warming up) are never anomalous and are not counted.
/// </summary>
public sealed class AnomalyThreshold(ThresholdOptions options)
{
    double _mean;
    double _variance;
    long _observed;

    public ThresholdMode Mode => options.Mode;

    public string ModeName { get; } = options.Mode == ThresholdMode.Fixed ? ScoreVerdict.FixedMode : ScoreVerdict.AdaptiveMode;

    public double Current => options.Mode == ThresholdMode.Fixed || _observed < options.WarmUp
        ? options.Value
        : Math.Max(options.Floor, _mean + options.Sigmas * Math.Sqrt(_variance));

    public long Observed => _observed;

    /// <summary>Judges <paramref name="score"/> against the current threshold, then learns from it.</summary>
    public bool Evaluate(double score, out double threshold)
    {
        threshold = Current;
        if (score <= 0)
        {
            return false;
        }

        var anomalous = score > threshold;
        if (!anomalous)
        {
            Observe(score);
        }

        return anomalous;
    }

    void Observe(double score)
    {
        _observed++;
        if (_observed == 1)
        {
            _mean = score;
            return;
        }

        // Until the window fills, weight as a plain running average; then decay (West's incremental update).
        var alpha = Math.Max(options.DecayRate, 1.0 / _observed);
        var delta = score - _mean;
        _mean += alpha * delta;
        _variance = (1 - alpha) * (_variance + alpha * delta * delta);
    }
}
