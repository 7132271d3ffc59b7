namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// Dead letters in topic order. <c>next_cursor</c> is null at the end of the topic; a page can be short (even empty)
/// and still have a cursor when the request's read budget (<c>scanned</c> messages) ran out.
/// </summary>
public sealed record DeadLetterPageResponse(IReadOnlyList<DeadLetterResponse> Items, int Count, string? NextCursor, int Scanned);
