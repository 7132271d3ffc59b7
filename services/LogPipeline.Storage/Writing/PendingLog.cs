using LogPipeline.Contracts;

namespace LogPipeline.Storage.Writing;

public readonly record struct PendingLog(ScoredLog Scored, SourcePosition Source);
