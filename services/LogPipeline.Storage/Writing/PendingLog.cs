using LogPipeline.Contracts;

namespace LogPipeline.Storage.Writing;

public readonly record struct PendingLog(ScoredLog Log, SourcePosition Source);
