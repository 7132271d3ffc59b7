namespace LogPipeline.QueryApi.Responses;

public sealed record RedriveItemResponse(string Id, string Outcome, string? LogId, string? Reason);
