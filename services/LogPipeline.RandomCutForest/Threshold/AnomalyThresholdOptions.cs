namespace LogPipeline.RandomCutForest;

/// <summary>
/// Settings of an <see cref="AnomalyThreshold"/>; bound from <c>Pipeline:Scorer:Threshold</c> in the scorer. The
/// defaults suit independent records such as the scorer's logs; <see cref="ForShingledSeries"/> suits one time series.
/// </summary>
public sealed class AnomalyThresholdOptions
{
    public ThresholdMode Mode { get; set; } = ThresholdMode.Adaptive;

    /// <summary>The fixed threshold, and the adaptive one until <see cref="WarmUp"/> scores are seen.</summary>
    public double Value { get; set; } = 3.0;

    /// <summary>
    /// k in mean + k·σ. SageMaker suggests 3, which assumes normally distributed scores; RCF's scores of normal traffic
    /// have a long right tail, and on the generator's labelled traffic k = 3 flags about 2.6% of normal logs. With the
    /// scorer's features, k = 6 keeps every kind's recall at 0.9 or more with precision about 0.9, where k = 5 flags
    /// twice as many normal logs (README, "Detection quality").
    /// </summary>
    public double Sigmas { get; set; } = 6.0;

    /// <summary>The adaptive threshold never drops below this (RCF's normal points score about 0.75).</summary>
    public double Floor { get; set; } = 1.2;

    /// <summary>Weight of the newest score in the decayed mean and variance (about 1/window).</summary>
    public double DecayRate { get; set; } = 0.001;

    /// <summary>Scores observed before the adaptive threshold replaces <see cref="Value"/>.</summary>
    public int WarmUp { get; set; } = 500;

    /// <summary>
    /// After a flag, no further score is flagged until one falls back to or below the threshold: in a shingled
    /// series one unusual value stays in the shingle for a while, and its excursion is one anomaly, not several.
    /// </summary>
    public bool FlagOncePerExcursion { get; set; }

    /// <summary>Scores after a flag that are not flagged, whatever they are (0: none).</summary>
    public int QuietPeriod { get; set; }

    /// <summary>
    /// false: scores above the threshold do not feed the statistics, so a burst of anomalous records, however long,
    /// cannot raise the bar it is judged by. true: they are learned clipped at the threshold, so a lasting change of
    /// a series (a level shift, a new rhythm) gradually raises the bar instead of being flagged again and again.
    /// </summary>
    public bool LearnScoresAboveThreshold { get; set; }

    /// <summary>
    /// One setting for any univariate series scored with shingles of <paramref name="shingleSize"/> (no per-series
    /// tuning): mean + 3σ above a floor of 1, nothing flagged during the first 50 scores, one flag per excursion,
    /// none within two shingles of the last, and high scores learned clipped at the threshold. On NAB's development set: README, "NAB development set".
    /// </summary>
    public static AnomalyThresholdOptions ForShingledSeries(int shingleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        return new AnomalyThresholdOptions
        {
            Value = double.PositiveInfinity,
            Sigmas = 3.0,
            Floor = 1.0,
            DecayRate = 0.001,
            WarmUp = 50,
            FlagOncePerExcursion = true,
            QuietPeriod = 2 * shingleSize,
            LearnScoresAboveThreshold = true,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(Enum.IsDefined(Mode), nameof(Mode), $"Mode must be Fixed or Adaptive but was {Mode}.");
        Require(!double.IsNaN(Value), nameof(Value), "Value must be a number.");
        Require(double.IsFinite(Sigmas) && Sigmas > 0, nameof(Sigmas), $"Sigmas must be a positive number but was {Sigmas}.");
        Require(double.IsFinite(Floor) && Floor >= 0, nameof(Floor), $"Floor must be a finite number of at least 0 but was {Floor}.");
        Require(DecayRate > 0 && DecayRate <= 1, nameof(DecayRate), $"DecayRate must be in (0, 1] but was {DecayRate}.");
        Require(WarmUp >= 0, nameof(WarmUp), $"WarmUp must be at least 0 but was {WarmUp}.");
        Require(QuietPeriod >= 0, nameof(QuietPeriod), $"QuietPeriod must be at least 0 but was {QuietPeriod}.");
    }

    private static void Require(bool condition, string parameterName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
