namespace LogPipeline.DetectionEvaluator;

/// <summary>One anomaly kind's figures: as isolated records, in bursts, and both together.</summary>
public sealed record KindFigures(string Kind, Figures Isolated, Figures Bursts, Figures All);
