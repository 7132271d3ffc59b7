namespace LogPipeline.Scorer.Scoring;

public enum ThresholdMode
{
    /// <summary>A fixed score, like the articles' 3.0.</summary>
    Fixed,

    /// <summary>Mean + k·σ over an exponentially decayed window of recent scores (SageMaker's advice, k = 3).</summary>
    Adaptive,
}

/// <summary><c>Pipeline:Scorer:Threshold</c>.</summary>
public sealed class ThresholdOptions
{
    public ThresholdMode Mode { get; set; } = ThresholdMode.Adaptive;

    /// <summary>The fixed threshold, and the adaptive one until enough scores are seen.</summary>
    public double Value { get; set; } = 3.0;

    /// <summary>
    /// k in mean + k·σ. SageMaker suggests 3, which assumes normally distributed scores; RCF's scores of normal traffic
    /// have a long right tail, and on the generator's labelled traffic k = 3 flags about 2.6% of normal logs
    /// (precision 0.38) where k = 5 keeps recall at 0.94 with precision 0.72 (README, "Detection quality").
    /// </summary>
    public double Sigmas { get; set; } = 5.0;

    /// <summary>The adaptive threshold never drops below this (RCF's normal points score about 0.75).</summary>
    public double Floor { get; set; } = 1.2;

    /// <summary>Weight of the newest score in the decayed mean and variance (about 1/window).</summary>
    public double DecayRate { get; set; } = 0.001;

    /// <summary>Scores observed before the adaptive threshold replaces <see cref="Value"/>.</summary>
    public int WarmUp { get; set; } = 500;
}
