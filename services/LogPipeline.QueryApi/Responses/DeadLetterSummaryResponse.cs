namespace LogPipeline.QueryApi.Responses;

/// <summary>Dead letters counted by stage and reason, most first. <c>complete</c> is false when the topic held more than one request may read.</summary>
public sealed record DeadLetterSummaryResponse(IReadOnlyList<DeadLetterGroupResponse> Groups, int Total, bool Complete);
