namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>The best of a <see cref="ScalingProbe"/> measurement's repeats.</summary>
internal readonly record struct ScalingResult(double PointsPerSecond, double CpuMicrosecondsPerPoint, double AllocatedBytesPerPoint);
