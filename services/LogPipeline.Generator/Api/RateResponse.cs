namespace LogPipeline.Generator.Api;

public sealed record RateResponse(double PerSecond, double Previous);
