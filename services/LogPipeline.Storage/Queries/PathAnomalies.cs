namespace LogPipeline.Storage.Queries;

public sealed record PathAnomalies(string Path, long Anomalies, long Requests);
