namespace LogPipeline.QueryApi.Responses;

public sealed record TopPathResponse(string Path, long Anomalies, long Requests);
