using LogPipeline.Contracts;

namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// Archived logs of a range, in archive order (hour, then partition and offset), with the stored fields. Follow
/// <c>next_cursor</c> until it is null.
/// </summary>
public sealed record ArchiveLogPageResponse(IReadOnlyList<ScoredLog> Items, int Count, string? NextCursor, long From, long To);
