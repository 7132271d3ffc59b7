namespace LogPipeline.Storage.Queries;

/// <summary>A counter's value in the bucket starting at <see cref="BucketStart"/> (epoch ms).</summary>
public readonly record struct SeriesPoint(long BucketStart, double Value);
