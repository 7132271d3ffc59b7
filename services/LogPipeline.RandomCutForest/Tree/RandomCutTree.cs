using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LogPipeline.RandomCutForest.Randomness;
using LogPipeline.RandomCutForest.Store;
using LogPipeline.RandomCutForest.Visitor;

namespace LogPipeline.RandomCutForest.Tree;

/// <summary>
/// A random cut tree over points of a shared <see cref="PointStore"/> (Guha et al. 2016).
/// Insertion follows the paper top-down: at each node a cut is drawn over the node's box
/// merged with the new point; if it separates the point a new node is made there,
/// otherwise the point descends by the node's existing cut. Not thread-safe; the forest
/// gives each tree to one thread at a time.
/// </summary>
internal sealed class RandomCutTree
{
    public const int Null = -1;

    private readonly PointStore _points;
    private readonly RandomSource _random;
    private readonly int[] _path;

    public RandomCutTree(int sampleSize, PointStore points, RandomSource random)
    {
        _points = points;
        _random = random;
        Nodes = new NodeStore(sampleSize - 1, points.Dimensions);
        Leaves = new LeafStore(sampleSize);
        _path = new int[Nodes.Capacity + 1];
    }

    public NodeStore Nodes { get; }

    public LeafStore Leaves { get; }

    public int Root { get; private set; } = Null;

    public int Mass => Root == Null ? 0 : MassOf(Root);

    /// <summary>
    /// Inserts a point. Returns the point-store index the tree now holds for it: the
    /// index of an equal point already in the tree, or <paramref name="pointIndex"/>.
    /// </summary>
    public int AddPoint(int pointIndex)
    {
        var point = _points.Get(pointIndex);
        if (Root == Null)
        {
            Root = LeafReference(Leaves.Allocate(pointIndex));
            return pointIndex;
        }

        var parent = Null;
        var node = Root;
        while (true)
        {
            if (Nodes.IsLeaf(node))
            {
                var leaf = node - Nodes.Capacity;
                var leafPointIndex = Leaves.PointIndex[leaf];
                var leafPoint = _points.Get(leafPointIndex);
                if (PointEquality.Equal(leafPoint, point))
                {
                    Leaves.Mass[leaf]++;
                    return leafPointIndex;
                }

                var leafGrowth = BoundingBox.Growth(leafPoint, leafPoint, point, out _);
                var leafCut = RandomCuts.Choose(_random.NextDouble(), leafGrowth, point, leafPoint, leafPoint);
                InsertAbove(parent, node, leafCut, pointIndex, point, leafPoint, leafPoint);
                return pointIndex;
            }

            var min = Nodes.BoxMin(node);
            var max = Nodes.BoxMax(node);
            var growth = BoundingBox.Growth(min, max, point, out var range);
            if (growth > 0)
            {
                var cut = RandomCuts.Choose(_random.NextDouble(), range + growth, point, min, max);
                if (cut.Separates(point, min, max))
                {
                    InsertAbove(parent, node, cut, pointIndex, point, min, max);
                    return pointIndex;
                }

                BoundingBox.Extend(min, max, point);
            }

            Nodes.Mass[node]++;
            parent = node;
            node = ChildTowards(node, point);
        }
    }

    /// <summary>Removes one copy of the point at <paramref name="pointIndex"/>.</summary>
    public void DeletePoint(int pointIndex)
    {
        if (Root == Null)
        {
            throw new InvalidOperationException("Cannot delete from an empty tree.");
        }

        var point = _points.Get(pointIndex);
        var node = Descend(point, out var depth);
        var leaf = node - Nodes.Capacity;
        if (Leaves.PointIndex[leaf] != pointIndex)
        {
            throw new InvalidOperationException(
                $"Point {pointIndex} is not in the tree; its path ends at point {Leaves.PointIndex[leaf]}.");
        }

        if (Leaves.Mass[leaf] > 1)
        {
            Leaves.Mass[leaf]--;
            for (var k = 0; k < depth; k++)
            {
                Nodes.Mass[_path[k]]--;
            }

            return;
        }

        Leaves.Release(leaf);
        if (depth == 0)
        {
            Root = Null;
            return;
        }

        var parent = _path[depth - 1];
        var sibling = Nodes.Left(parent) == node ? Nodes.Right(parent) : Nodes.Left(parent);
        if (depth == 1)
        {
            Root = sibling;
        }
        else
        {
            Nodes.ReplaceChild(_path[depth - 2], parent, sibling);
        }

        Nodes.Release(parent);
        var boxesSettled = false;
        for (var k = depth - 2; k >= 0; k--)
        {
            var ancestor = _path[k];
            Nodes.Mass[ancestor]--;
            if (!boxesSettled)
            {
                // A point strictly inside a box is on none of its faces, so this box and
                // every (larger) box above it stay as they are.
                boxesSettled = BoundingBox.StrictlyContains(Nodes.BoxMin(ancestor), Nodes.BoxMax(ancestor), point);
                if (!boxesSettled)
                {
                    RebuildBox(ancestor);
                }
            }
        }
    }

    /// <summary>Walks the path of <paramref name="point"/> to a leaf, then visits leaf and ancestors bottom-up.</summary>
    public void Traverse<TVisitor>(ReadOnlySpan<float> point, ref TVisitor visitor)
        where TVisitor : ITreeVisitor, allows ref struct
    {
        if (Root == Null)
        {
            return;
        }

        var node = Descend(point, out var depth);
        var leaf = node - Nodes.Capacity;
        var leafPoint = _points.Get(Leaves.PointIndex[leaf]);
        visitor.AcceptLeaf(new NodeView(leafPoint, leafPoint, Leaves.Mass[leaf]), depth);
        for (var k = depth - 1; k >= 0 && !visitor.IsConverged; k--)
        {
            var ancestor = _path[k];
            visitor.Accept(new NodeView(Nodes.BoxMin(ancestor), Nodes.BoxMax(ancestor), Nodes.Mass[ancestor]), k);
        }
    }

    public double Score(ReadOnlySpan<float> point)
    {
        var mass = Mass;
        if (mass == 0)
        {
            return 0.0;
        }

        var visitor = new AnomalyScoreVisitor(point, mass);
        Traverse(point, ref visitor);
        return visitor.Result;
    }

    /// <summary>
    /// Scores the point as <see cref="Score"/> does and writes the score's split over the dimensions into
    /// <paramref name="high"/> and <paramref name="low"/> (zero for an empty tree).
    /// </summary>
    public double Attribute(ReadOnlySpan<float> point, Span<double> high, Span<double> low)
    {
        var mass = Mass;
        if (mass == 0)
        {
            high.Clear();
            low.Clear();
            return 0.0;
        }

        var visitor = new AnomalyAttributionVisitor(point, mass, high, low);
        Traverse(point, ref visitor);
        visitor.NormalizeAttribution();
        return visitor.Result;
    }

    /// <summary>Sets the structure from a snapshot; boxes are recomputed from the points.</summary>
    internal void RestoreStructure(int root)
    {
        Root = root;
        if (root != Null && !Nodes.IsLeaf(root))
        {
            RebuildBoxesBelow(root);
        }
    }

    internal int MassOf(int reference) =>
        Nodes.IsLeaf(reference) ? Leaves.Mass[reference - Nodes.Capacity] : Nodes.Mass[reference];

    internal int LeafReference(int leaf) => leaf + Nodes.Capacity;

    private int ChildTowards(int node, ReadOnlySpan<float> point)
    {
        var left = Nodes.Left(node);
        var right = Nodes.Right(node);
        return point[Nodes.CutDimension[node]] > Nodes.CutValue[node] ? right : left;
    }

    /// <summary>Follows the cuts from the root to a leaf, recording the internal nodes passed in the path buffer.</summary>
    /// <remarks>
    /// The hottest loop of the library, so it reads the arrays without bounds checks. That is
    /// safe because <c>node &lt; Capacity</c> bounds every index: the node arrays hold
    /// <c>Capacity</c> entries (children twice that), a path holds at most <c>Capacity</c>
    /// nodes and its buffer one more, and cut dimensions are below the point's length (made
    /// so by <see cref="RandomCuts"/>, checked on restore).
    /// </remarks>
    private int Descend(ReadOnlySpan<float> point, out int depth)
    {
        ref var cutDimension = ref MemoryMarshal.GetArrayDataReference(Nodes.CutDimension);
        ref var cutValue = ref MemoryMarshal.GetArrayDataReference(Nodes.CutValue);
        ref var children = ref MemoryMarshal.GetArrayDataReference(Nodes.Children);
        ref var path = ref MemoryMarshal.GetArrayDataReference(_path);
        ref var x = ref MemoryMarshal.GetReference(point);
        var capacity = Nodes.Capacity;
        var node = Root;
        var length = 0;
        while (node < capacity)
        {
            Unsafe.Add(ref path, length++) = node;
            // Both children are loaded before the comparison is known, so the cache misses
            // for the cut and for the children overlap instead of following each other.
            var left = Unsafe.Add(ref children, 2 * node);
            var right = Unsafe.Add(ref children, (2 * node) + 1);
            var goesRight = Unsafe.Add(ref x, Unsafe.Add(ref cutDimension, node)) > Unsafe.Add(ref cutValue, node);
            node = goesRight ? right : left;
        }

        depth = length;
        return node;
    }

    private void InsertAbove(
        int parent,
        int child,
        Cut cut,
        int pointIndex,
        ReadOnlySpan<float> point,
        ReadOnlySpan<float> childMin,
        ReadOnlySpan<float> childMax)
    {
        var leafReference = LeafReference(Leaves.Allocate(pointIndex));
        var node = Nodes.Allocate();
        Nodes.CutDimension[node] = cut.Dimension;
        Nodes.CutValue[node] = cut.Value;
        if (point[cut.Dimension] <= cut.Value)
        {
            Nodes.SetChildren(node, leafReference, child);
        }
        else
        {
            Nodes.SetChildren(node, child, leafReference);
        }
        Nodes.Mass[node] = MassOf(child) + 1;
        BoundingBox.Merge(childMin, childMax, point, point, Nodes.BoxMin(node), Nodes.BoxMax(node));
        if (parent == Null)
        {
            Root = node;
        }
        else
        {
            Nodes.ReplaceChild(parent, child, node);
        }
    }

    private void RebuildBox(int node) =>
        BoundingBox.Merge(
            MinOf(Nodes.Left(node)),
            MaxOf(Nodes.Left(node)),
            MinOf(Nodes.Right(node)),
            MaxOf(Nodes.Right(node)),
            Nodes.BoxMin(node),
            Nodes.BoxMax(node));

    private void RebuildBoxesBelow(int node)
    {
        foreach (var child in (ReadOnlySpan<int>)[Nodes.Left(node), Nodes.Right(node)])
        {
            if (!Nodes.IsLeaf(child))
            {
                RebuildBoxesBelow(child);
            }
        }

        RebuildBox(node);
    }

    private ReadOnlySpan<float> MinOf(int reference) =>
        Nodes.IsLeaf(reference) ? _points.Get(Leaves.PointIndex[reference - Nodes.Capacity]) : Nodes.BoxMin(reference);

    private ReadOnlySpan<float> MaxOf(int reference) =>
        Nodes.IsLeaf(reference) ? _points.Get(Leaves.PointIndex[reference - Nodes.Capacity]) : Nodes.BoxMax(reference);
}
