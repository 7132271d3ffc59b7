namespace LogPipeline.QueryApi.Responses;

public sealed record SeriesPointResponse(long Bucket, string BucketIso, double Value);
