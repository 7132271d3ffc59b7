namespace LogPipeline.RandomCutForest;

/// <summary>Settings of an <see cref="AdaptiveThreshold"/>.</summary>
public sealed record AdaptiveThresholdOptions
{
    /// <summary>A score is anomalous above mean + K standard deviations of recent scores.</summary>
    public double K { get; init; } = 3.0;

    /// <summary>Scores the statistics effectively remember; each new score has weight 1 / Horizon.</summary>
    public int Horizon { get; init; } = 1000;

    /// <summary>Non-zero scores to learn from before anything is flagged.</summary>
    public int WarmUp { get; init; } = 200;

    /// <summary>Scores at or below this are never anomalous; random cut forest scores of normal points sit a little under 1.</summary>
    public double MinimumScore { get; init; } = 1.0;

    /// <summary>
    /// After a flag, no further score is flagged until one falls back to or below the
    /// threshold, so an excursion (which lasts a whole shingle at least) is reported once.
    /// </summary>
    public bool FlagOncePerExcursion { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(double.IsFinite(K) && K > 0, nameof(K), $"K must be a positive number but was {K}.");
        Require(Horizon >= 2, nameof(Horizon), $"Horizon must be at least 2 but was {Horizon}.");
        Require(WarmUp >= 0, nameof(WarmUp), $"WarmUp must be at least 0 but was {WarmUp}.");
        Require(
            double.IsFinite(MinimumScore) && MinimumScore >= 0,
            nameof(MinimumScore),
            $"MinimumScore must be a finite number of at least 0 but was {MinimumScore}.");
    }

    private static void Require(bool condition, string parameterName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
