namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// One record the generator sent, joined with the scorer's verdict: its label (<c>injected_anomaly</c>, null for
/// normal traffic), whether it belongs to a requested burst or is an isolated background anomaly, and what the
/// scorer stored (<c>is_anomaly</c>, <c>anomaly_score</c>, <c>threshold</c>).
/// </summary>
public sealed record LabelledVerdict(
    string Id,
    long Timestamp,
    string? Label,
    bool InBurst,
    bool Flagged,
    double Score,
    double Threshold,
    int StatusCode);
