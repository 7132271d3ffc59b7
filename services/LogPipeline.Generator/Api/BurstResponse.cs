namespace LogPipeline.Generator.Api;

/// <summary>The accepted burst and how many records of its kind are now waiting to be generated.</summary>
public sealed record BurstResponse(string Kind, int Count, long Pending);
