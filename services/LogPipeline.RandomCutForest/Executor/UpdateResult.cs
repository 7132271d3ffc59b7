namespace LogPipeline.RandomCutForest.Executor;

/// <summary>What one tree did with a point: which index it now holds and which it let go (-1 for none).</summary>
internal readonly record struct UpdateResult(int AddedPointIndex, int EvictedPointIndex)
{
    public static UpdateResult Rejected { get; } = new(-1, -1);
}
