namespace LogPipeline.PipelineView.Scores;

/// <summary>A flagged log: its id, score, when it was scored, the trace that carried it and the generator's label.</summary>
public sealed record DetectedAnomaly(string LogId, double Score, double TimeMs, string? TraceId, string? InjectedKind);
