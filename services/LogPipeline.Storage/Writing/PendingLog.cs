using LogPipeline.Contracts;

namespace LogPipeline.Storage.Writing;

/// <param name="Scored">The log and its verdict.</param>
/// <param name="Source">Where it was read from in Kafka.</param>
/// <param name="Rescored">
/// A replay's new verdict on an archived log (<see cref="ReplayHeaders.Source"/>): it replaces a stored item of the same
/// id instead of being skipped, and is counted only if no item was stored (the stored one was counted already).
/// </param>
public readonly record struct PendingLog(ScoredLog Scored, SourcePosition Source, bool Rescored = false);
