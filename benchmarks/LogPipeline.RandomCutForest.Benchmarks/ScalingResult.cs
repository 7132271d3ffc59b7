namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>The best of a <see cref="ScalingProbe"/> measurement's repeats, and every repeat's points/s.</summary>
internal readonly record struct ScalingResult(double PointsPerSecond, double CpuMicrosecondsPerPoint, double AllocatedBytesPerPoint, string Repeats);
