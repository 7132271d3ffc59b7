using LogPipeline.Storage.Queries;

namespace LogPipeline.QueryApi.Paging;

/// <summary>
/// What a pagination cursor carries: the query it belongs to (so the next page cannot silently change it) and
/// where each index shard resumes.
/// </summary>
public sealed record PageCursor(string Kind, long From, long To, string? Level, string? Status, string? Path, double? MinScore, IndexCursor Position);
