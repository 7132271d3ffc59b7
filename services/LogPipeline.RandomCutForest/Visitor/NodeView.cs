namespace LogPipeline.RandomCutForest.Visitor;

/// <summary>
/// What a visitor sees of one node on the traversal path: its mass and bounding box.
/// For a leaf the box is the leaf's point.
/// </summary>
internal readonly ref struct NodeView(ReadOnlySpan<float> boxMin, ReadOnlySpan<float> boxMax, int mass)
{
    public ReadOnlySpan<float> BoxMin { get; } = boxMin;

    public ReadOnlySpan<float> BoxMax { get; } = boxMax;

    public int Mass { get; } = mass;

    public ReadOnlySpan<float> LeafPoint => BoxMin;
}
