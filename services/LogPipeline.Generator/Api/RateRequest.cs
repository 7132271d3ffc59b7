namespace LogPipeline.Generator.Api;

/// <summary>Body of <c>POST /control/rate</c>: records of normal traffic per second, 0 to pause.</summary>
public sealed record RateRequest(double? PerSecond);
