namespace LogPipeline.QueryApi.Responses;

public sealed record DeadLetterGroupResponse(string Stage, string Reason, int Count, string FirstId, string LastId);
