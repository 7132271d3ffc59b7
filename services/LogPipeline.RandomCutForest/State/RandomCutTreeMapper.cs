using LogPipeline.RandomCutForest.Randomness;
using LogPipeline.RandomCutForest.Sampler;
using LogPipeline.RandomCutForest.Store;
using LogPipeline.RandomCutForest.Tree;

namespace LogPipeline.RandomCutForest.State;

internal static class RandomCutTreeMapper
{
    public static RandomCutTreeState ToState(RandomCutTree tree) => new()
    {
        Root = tree.Root,
        CutDimensions = [.. tree.Nodes.CutDimension],
        CutValues = [.. tree.Nodes.CutValue],
        LeftChildren = EveryOther(tree.Nodes.Children, 0),
        RightChildren = EveryOther(tree.Nodes.Children, 1),
        Masses = [.. tree.Nodes.Mass],
        FreeNodes = tree.Nodes.FreeNodes.ToArray(),
        LeafPointIndexes = [.. tree.Leaves.PointIndex],
        LeafMasses = [.. tree.Leaves.Mass],
        FreeLeaves = tree.Leaves.FreeLeaves.ToArray(),
    };

    public static RandomCutTree ToModel(RandomCutTreeState state, int sampleSize, PointStore store, RandomSource random)
    {
        var tree = new RandomCutTree(sampleSize, store, random);
        var nodes = tree.Nodes;
        var leaves = tree.Leaves;
        StateChecks.Require(
            state.CutDimensions.Length == nodes.Capacity && state.CutValues.Length == nodes.Capacity
            && state.LeftChildren.Length == nodes.Capacity && state.RightChildren.Length == nodes.Capacity
            && state.Masses.Length == nodes.Capacity,
            $"A tree's node arrays must hold {nodes.Capacity} entries.");
        StateChecks.Require(
            state.LeafPointIndexes.Length == leaves.Capacity && state.LeafMasses.Length == leaves.Capacity,
            $"A tree's leaf arrays must hold {leaves.Capacity} entries.");
        StateChecks.Require(
            state.FreeNodes.Length <= nodes.Capacity && state.FreeLeaves.Length <= leaves.Capacity,
            "A tree's free lists are longer than its stores.");
        StateChecks.Require(
            state.Root >= RandomCutTree.Null && state.Root < nodes.Capacity + leaves.Capacity,
            $"Tree root {state.Root} is out of range.");

        state.CutDimensions.CopyTo(nodes.CutDimension);
        state.CutValues.CopyTo(nodes.CutValue);
        for (var node = 0; node < nodes.Capacity; node++)
        {
            nodes.SetChildren(node, state.LeftChildren[node], state.RightChildren[node]);
        }

        state.Masses.CopyTo(nodes.Mass);
        nodes.RestoreFreeList(state.FreeNodes);
        state.LeafPointIndexes.CopyTo(leaves.PointIndex);
        state.LeafMasses.CopyTo(leaves.Mass);
        leaves.RestoreFreeList(state.FreeLeaves);
        RequireWellFormed(tree, store);
        tree.RestoreStructure(state.Root);
        return tree;
    }

    /// <summary>
    /// AWS's default restore: insert the sampled points again, oldest first. The cuts
    /// differ from the saved tree's but depend only on the state, so restores agree.
    /// </summary>
    public static RandomCutTree Rebuild(CompactSampler sampler, int sampleSize, PointStore store, RandomSource random)
    {
        var tree = new RandomCutTree(sampleSize, store, random);
        var sequenceIndexes = sampler.SequenceIndexes.ToArray();
        var pointIndexes = sampler.PointIndexes.ToArray();
        Array.Sort(sequenceIndexes, pointIndexes);
        foreach (var pointIndex in pointIndexes)
        {
            var held = tree.AddPoint(pointIndex);
            StateChecks.Require(held == pointIndex, $"Points {held} and {pointIndex} are equal but sampled under different indexes.");
        }

        return tree;
    }

    /// <summary>Every node reachable from the root is in range, visited once, and cuts a real dimension.</summary>
    private static void RequireWellFormed(RandomCutTree tree, PointStore store)
    {
        if (tree.Root == RandomCutTree.Null)
        {
            return;
        }

        var nodes = tree.Nodes;
        var leaves = tree.Leaves;
        var seen = new bool[nodes.Capacity + leaves.Capacity];
        var pending = new Stack<int>();
        pending.Push(tree.Root);
        while (pending.Count > 0)
        {
            var reference = pending.Pop();
            StateChecks.Require(reference >= 0 && reference < seen.Length && !seen[reference], $"tree reference {reference} is out of range or shared.");
            seen[reference] = true;
            if (nodes.IsLeaf(reference))
            {
                var pointIndex = leaves.PointIndex[reference - nodes.Capacity];
                StateChecks.Require(
                    pointIndex >= 0 && pointIndex < store.Capacity && store.GetReferenceCount(pointIndex) > 0,
                    $"a leaf refers to point {pointIndex}, which is not in the store.");
                continue;
            }

            StateChecks.Require(
                nodes.CutDimension[reference] >= 0 && nodes.CutDimension[reference] < nodes.Dimensions,
                $"node {reference} cuts dimension {nodes.CutDimension[reference]}.");
            pending.Push(nodes.Left(reference));
            pending.Push(nodes.Right(reference));
        }
    }

    private static int[] EveryOther(int[] values, int offset)
    {
        var result = new int[values.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[(2 * i) + offset];
        }

        return result;
    }
}
