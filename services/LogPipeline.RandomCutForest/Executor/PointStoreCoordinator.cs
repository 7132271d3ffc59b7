using LogPipeline.RandomCutForest.Store;

namespace LogPipeline.RandomCutForest.Executor;

/// <summary>
/// Keeps point-store reference counts in step with what the trees hold (AWS's
/// <c>PointStoreCoordinator</c>). New points are held while the trees look at them, and
/// trees' additions and evictions are applied afterwards on one thread, so trees can be
/// updated in parallel while the store is only read.
/// </summary>
internal sealed class PointStoreCoordinator(PointStore store)
{
    public PointStore Store { get; } = store;

    public int Hold(ReadOnlySpan<float> point) => Store.Add(point);

    /// <summary>
    /// Applies every addition before any eviction, so a point one tree evicts while
    /// another adopts it as a duplicate is never freed in between.
    /// </summary>
    public void Complete(ReadOnlySpan<int> addedPointIndexes, ReadOnlySpan<int> evictedPointIndexes, ReadOnlySpan<int> heldPointIndexes)
    {
        foreach (var index in addedPointIndexes)
        {
            if (index >= 0)
            {
                Store.IncrementReferenceCount(index);
            }
        }

        foreach (var index in evictedPointIndexes)
        {
            if (index >= 0)
            {
                Store.DecrementReferenceCount(index);
            }
        }

        foreach (var index in heldPointIndexes)
        {
            Store.DecrementReferenceCount(index);
        }
    }
}
