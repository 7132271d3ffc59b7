using LogPipeline.RandomCutForest.Store;

namespace LogPipeline.RandomCutForest.State;

internal static class PointStoreMapper
{
    public static PointStoreState ToState(PointStore store)
    {
        var indexes = new int[store.Count];
        var referenceCounts = new int[store.Count];
        var values = new float[store.Count * store.Dimensions];
        var entry = 0;
        for (var index = 0; index < store.Capacity; index++)
        {
            var referenceCount = store.GetReferenceCount(index);
            if (referenceCount == 0)
            {
                continue;
            }

            indexes[entry] = index;
            referenceCounts[entry] = referenceCount;
            store.Get(index).CopyTo(values.AsSpan(entry * store.Dimensions));
            entry++;
        }

        return new PointStoreState
        {
            Dimensions = store.Dimensions,
            Capacity = store.Capacity,
            Indexes = indexes,
            ReferenceCounts = referenceCounts,
            Values = values,
        };
    }

    public static PointStore ToModel(PointStoreState state, int dimensions, int capacity)
    {
        StateChecks.Require(state.Dimensions == dimensions, $"The point store has {state.Dimensions} dimensions but the forest needs {dimensions}.");
        StateChecks.Require(
            state.ReferenceCounts.Length == state.Indexes.Length && state.Values.Length == state.Indexes.Length * dimensions,
            "The point store arrays do not match in length.");
        var store = new PointStore(dimensions, capacity);
        for (var entry = 0; entry < state.Indexes.Length; entry++)
        {
            var index = state.Indexes[entry];
            StateChecks.Require(index >= 0 && index < capacity, $"Point index {index} is outside the store.");
            StateChecks.Require(state.ReferenceCounts[entry] > 0, $"Point {index} has no references.");
            store.Restore(index, state.Values.AsSpan(entry * dimensions, dimensions), state.ReferenceCounts[entry]);
        }

        store.RebuildFreeList();
        return store;
    }
}
