namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>One forest shape and batch the <see cref="ScalingProbe"/> measures on one core and on all.</summary>
internal sealed record ScalingWorkload(string Name, int Dimensions, double TimeDecay, int BatchSize, bool Update, bool Attribution);
