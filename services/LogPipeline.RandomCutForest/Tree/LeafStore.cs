namespace LogPipeline.RandomCutForest.Tree;

/// <summary>
/// Leaves of one tree: the point-store index each leaf stands for and how many copies of
/// that point the sampler holds (duplicates share a leaf, as in AWS's trees).
/// </summary>
internal sealed class LeafStore
{
    private readonly int[] _freeLeaves;
    private int _freeCount;

    public LeafStore(int capacity)
    {
        Capacity = capacity;
        PointIndex = new int[capacity];
        Mass = new int[capacity];
        _freeLeaves = new int[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _freeLeaves[i] = capacity - 1 - i;
        }

        _freeCount = capacity;
    }

    public int Capacity { get; }

    public int[] PointIndex { get; }

    public int[] Mass { get; }

    public ReadOnlySpan<int> FreeLeaves => _freeLeaves.AsSpan(0, _freeCount);

    public int Allocate(int pointIndex)
    {
        if (_freeCount == 0)
        {
            throw new InvalidOperationException("The leaf store is full; the tree holds more points than its sample size.");
        }

        var leaf = _freeLeaves[--_freeCount];
        PointIndex[leaf] = pointIndex;
        Mass[leaf] = 1;
        return leaf;
    }

    public void Release(int leaf)
    {
        Mass[leaf] = 0;
        _freeLeaves[_freeCount++] = leaf;
    }

    public void RestoreFreeList(ReadOnlySpan<int> freeLeaves)
    {
        freeLeaves.CopyTo(_freeLeaves);
        _freeCount = freeLeaves.Length;
    }
}
