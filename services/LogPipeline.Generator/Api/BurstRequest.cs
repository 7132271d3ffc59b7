namespace LogPipeline.Generator.Api;

/// <summary>Body of <c>POST /control/burst</c>: inject <see cref="Count"/> records of anomaly <see cref="Kind"/>.</summary>
public sealed record BurstRequest(string? Kind, int? Count);
