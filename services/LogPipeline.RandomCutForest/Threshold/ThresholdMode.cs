namespace LogPipeline.RandomCutForest;

/// <summary>How an <see cref="AnomalyThreshold"/> sets the score a point must exceed.</summary>
public enum ThresholdMode
{
    /// <summary>A fixed score, like the articles' 3.0.</summary>
    Fixed,

    /// <summary>Mean + k·σ over an exponentially decayed window of recent scores (SageMaker's advice, k = 3).</summary>
    Adaptive,
}
