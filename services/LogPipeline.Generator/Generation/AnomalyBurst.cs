using LogPipeline.Generator.Traffic;

namespace LogPipeline.Generator.Generation;

/// <summary>A request to inject <see cref="Count"/> records of one anomaly <see cref="Kind"/>.</summary>
public readonly record struct AnomalyBurst(AnomalyKind Kind, int Count);
