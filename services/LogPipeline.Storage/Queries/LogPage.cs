namespace LogPipeline.Storage.Queries;

/// <summary>
/// One page of results. <see cref="Next"/> is null when the query is complete; a page may hold fewer items than
/// asked for (even none) when the per-request read budget ran out first — follow <see cref="Next"/> to go on.
/// </summary>
public sealed record LogPage(IReadOnlyList<StoredLog> Items, IndexCursor? Next, int QueriesUsed);
