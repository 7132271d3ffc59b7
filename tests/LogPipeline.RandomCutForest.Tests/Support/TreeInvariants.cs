using LogPipeline.RandomCutForest.Store;
using LogPipeline.RandomCutForest.Tree;

namespace LogPipeline.RandomCutForest.Tests.Support;

/// <summary>Checks a tree's structure from scratch: masses, exact boxes and cut sides.</summary>
internal static class TreeInvariants
{
    public static void AssertValid(RandomCutTree tree, PointStore store)
    {
        if (tree.Root == RandomCutTree.Null)
        {
            return;
        }

        var min = new float[store.Dimensions];
        var max = new float[store.Dimensions];
        var mass = Check(tree, store, tree.Root, min, max);
        Assert.Equal(tree.Mass, mass);
    }

    private static int Check(RandomCutTree tree, PointStore store, int reference, float[] min, float[] max)
    {
        var nodes = tree.Nodes;
        if (nodes.IsLeaf(reference))
        {
            var leaf = reference - nodes.Capacity;
            var point = store.Get(tree.Leaves.PointIndex[leaf]);
            Assert.True(store.GetReferenceCount(tree.Leaves.PointIndex[leaf]) > 0, "a leaf points at a freed point");
            point.CopyTo(min);
            point.CopyTo(max);
            return tree.Leaves.Mass[leaf];
        }

        var leftMin = new float[min.Length];
        var leftMax = new float[min.Length];
        var rightMin = new float[min.Length];
        var rightMax = new float[min.Length];
        var leftMass = Check(tree, store, nodes.Left(reference), leftMin, leftMax);
        var rightMass = Check(tree, store, nodes.Right(reference), rightMin, rightMax);
        var dimension = nodes.CutDimension[reference];
        var cut = nodes.CutValue[reference];
        Assert.True(leftMax[dimension] <= cut, $"left side of node {reference} crosses its cut");
        Assert.True(rightMin[dimension] > cut, $"right side of node {reference} crosses its cut");
        Assert.Equal(leftMass + rightMass, nodes.Mass[reference]);
        for (var i = 0; i < min.Length; i++)
        {
            min[i] = Math.Min(leftMin[i], rightMin[i]);
            max[i] = Math.Max(leftMax[i], rightMax[i]);
        }

        Assert.Equal(min, nodes.BoxMin(reference).ToArray());
        Assert.Equal(max, nodes.BoxMax(reference).ToArray());
        return nodes.Mass[reference];
    }
}
