using LogPipeline.Contracts;

namespace LogPipeline.Storage;

/// <summary>A log as read back from the table: the scored record and when DynamoDB will expire it.</summary>
public sealed record StoredLog(ScoredLog Scored, long ExpiresAtSeconds);
