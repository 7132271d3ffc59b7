namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// A page of logs. <c>next_cursor</c> is null when there is nothing more; a page can be shorter than the limit
/// (even empty) and still have a cursor when the request's read budget ran out.
/// </summary>
public sealed record LogPageResponse(
    IReadOnlyList<LogResponse> Items,
    int Count,
    string? NextCursor,
    long From,
    string FromIso,
    long To,
    string ToIso);
