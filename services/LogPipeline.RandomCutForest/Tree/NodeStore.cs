namespace LogPipeline.RandomCutForest.Tree;

/// <summary>
/// Internal nodes of one tree as parallel arrays (AWS's <c>AbstractNodeStore</c>), each
/// with its cached bounding box. A child reference below <see cref="Capacity"/> is an
/// internal node; a reference at or above it is leaf <c>reference - Capacity</c>.
/// </summary>
internal sealed class NodeStore
{
    private readonly int[] _freeNodes;
    private int _freeCount;

    public NodeStore(int capacity, int dimensions)
    {
        Capacity = capacity;
        Dimensions = dimensions;
        CutDimension = new int[capacity];
        CutValue = new float[capacity];
        Children = new int[2 * capacity];
        Mass = new int[capacity];
        Boxes = new float[checked(capacity * 2 * dimensions)];
        _freeNodes = new int[capacity];
        ResetFreeList();
    }

    public int Capacity { get; }

    public int Dimensions { get; }

    public int[] CutDimension { get; }

    public float[] CutValue { get; }

    /// <summary>
    /// Left child at <c>2 * node</c>, right child at <c>2 * node + 1</c>: descending then
    /// indexes with the comparison result instead of taking an unpredictable branch.
    /// </summary>
    public int[] Children { get; }

    public int[] Mass { get; }

    /// <summary>Per node: <c>Dimensions</c> minimums followed by <c>Dimensions</c> maximums.</summary>
    public float[] Boxes { get; }

    public ReadOnlySpan<int> FreeNodes => _freeNodes.AsSpan(0, _freeCount);

    public bool IsLeaf(int reference) => reference >= Capacity;

    public int Left(int node) => Children[2 * node];

    public int Right(int node) => Children[(2 * node) + 1];

    public void SetChildren(int node, int left, int right)
    {
        Children[2 * node] = left;
        Children[(2 * node) + 1] = right;
    }

    public void ReplaceChild(int node, int oldChild, int newChild) =>
        Children[Left(node) == oldChild ? 2 * node : (2 * node) + 1] = newChild;

    public Span<float> BoxMin(int node) => Boxes.AsSpan(node * 2 * Dimensions, Dimensions);

    public Span<float> BoxMax(int node) => Boxes.AsSpan((node * 2 * Dimensions) + Dimensions, Dimensions);

    public int Allocate()
    {
        if (_freeCount == 0)
        {
            throw new InvalidOperationException("The node store is full; the tree holds more points than its sample size.");
        }

        return _freeNodes[--_freeCount];
    }

    public void Release(int node) => _freeNodes[_freeCount++] = node;

    /// <summary>Replaces the free list; used when restoring a snapshot.</summary>
    public void RestoreFreeList(ReadOnlySpan<int> freeNodes)
    {
        freeNodes.CopyTo(_freeNodes);
        _freeCount = freeNodes.Length;
    }

    private void ResetFreeList()
    {
        for (var i = 0; i < Capacity; i++)
        {
            _freeNodes[i] = Capacity - 1 - i;
        }

        _freeCount = Capacity;
    }
}
