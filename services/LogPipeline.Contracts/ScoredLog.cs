namespace LogPipeline.Contracts;

/// <summary>
/// A log and the model's verdict on it: the message on <c>logs.scored</c> (flat JSON, the log's fields then the
/// verdict's; see <see cref="LogRecordJson"/>), the item the writer stores and what the Query API serves.
/// </summary>
public sealed record ScoredLog(LogRecord Log, ScoreVerdict Verdict);
