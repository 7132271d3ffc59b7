namespace LogPipeline.PipelineView.Scores;

/// <summary>
/// A flagged log: its id, score, when it was scored, the trace that carried it, the generator's label and the
/// scorer's explanation (why it was flagged).
/// </summary>
public sealed record DetectedAnomaly(string LogId, double Score, double TimeMs, string? TraceId, string? InjectedKind, string? Explanation = null);
