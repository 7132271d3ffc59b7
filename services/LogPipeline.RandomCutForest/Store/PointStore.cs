namespace LogPipeline.RandomCutForest.Store;

/// <summary>
/// All points referenced by any tree, in one flat array. Trees and samplers hold
/// <c>int</c> indexes into it; a reference count frees a slot once nobody holds it.
/// </summary>
internal sealed class PointStore
{
    private readonly float[] _values;
    private readonly int[] _referenceCounts;
    private readonly int[] _freeIndexes;
    private int _freeCount;

    public PointStore(int dimensions, int capacity)
    {
        Dimensions = dimensions;
        Capacity = capacity;
        _values = new float[checked(dimensions * capacity)];
        _referenceCounts = new int[capacity];
        _freeIndexes = new int[capacity];
        // Pushed highest first, so indexes are handed out 0, 1, 2, ...
        for (var i = 0; i < capacity; i++)
        {
            _freeIndexes[i] = capacity - 1 - i;
        }

        _freeCount = capacity;
    }

    public int Dimensions { get; }

    public int Capacity { get; }

    public int Count => Capacity - _freeCount;

    public ReadOnlySpan<float> Get(int index) => new(_values, index * Dimensions, Dimensions);

    public int GetReferenceCount(int index) => _referenceCounts[index];

    /// <summary>Stores a copy of <paramref name="point"/> with one reference held by the caller.</summary>
    public int Add(ReadOnlySpan<float> point)
    {
        if (_freeCount == 0)
        {
            throw new InvalidOperationException("The point store is full; references were not released.");
        }

        var index = _freeIndexes[--_freeCount];
        point.CopyTo(_values.AsSpan(index * Dimensions, Dimensions));
        _referenceCounts[index] = 1;
        return index;
    }

    public void IncrementReferenceCount(int index)
    {
        if (_referenceCounts[index] <= 0)
        {
            throw new InvalidOperationException($"Point {index} is not in the store.");
        }

        _referenceCounts[index]++;
    }

    public void DecrementReferenceCount(int index)
    {
        if (_referenceCounts[index] <= 0)
        {
            throw new InvalidOperationException($"Point {index} is not in the store.");
        }

        if (--_referenceCounts[index] == 0)
        {
            _freeIndexes[_freeCount++] = index;
        }
    }

    /// <summary>Puts a point back at a known index; used when restoring a snapshot.</summary>
    internal void Restore(int index, ReadOnlySpan<float> point, int referenceCount)
    {
        point.CopyTo(_values.AsSpan(index * Dimensions, Dimensions));
        _referenceCounts[index] = referenceCount;
    }

    /// <summary>Rebuilds the free list after <see cref="Restore"/> calls.</summary>
    internal void RebuildFreeList()
    {
        _freeCount = 0;
        for (var index = Capacity - 1; index >= 0; index--)
        {
            if (_referenceCounts[index] == 0)
            {
                _freeIndexes[_freeCount++] = index;
            }
        }
    }
}
