namespace LogPipeline.DetectionEvaluator;

/// <summary>What one evaluation judged: the report, the bursts requested, the judged window and what was sent in it.</summary>
public sealed record EvaluationResult(DetectionReport Report, IReadOnlyList<BurstWindow> Bursts, long From, long To, long Sent, double RatePerSecond);
