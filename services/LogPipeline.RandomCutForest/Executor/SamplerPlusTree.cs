using LogPipeline.RandomCutForest.Randomness;
using LogPipeline.RandomCutForest.Sampler;
using LogPipeline.RandomCutForest.Tree;

namespace LogPipeline.RandomCutForest.Executor;

/// <summary>
/// One member of the forest: a sampler deciding what the tree holds, and the tree.
/// Both draw from the same seeded <see cref="RandomSource"/>.
/// </summary>
internal sealed class SamplerPlusTree(CompactSampler sampler, RandomCutTree tree, RandomSource random)
{
    public CompactSampler Sampler { get; } = sampler;

    public RandomCutTree Tree { get; } = tree;

    public RandomSource Random { get; } = random;

    public UpdateResult Update(int pointIndex, long sequenceIndex)
    {
        if (!Sampler.AcceptPoint(sequenceIndex, out var evictedPointIndex, out _))
        {
            return UpdateResult.Rejected;
        }

        if (evictedPointIndex >= 0)
        {
            Tree.DeletePoint(evictedPointIndex);
        }

        var addedPointIndex = Tree.AddPoint(pointIndex);
        Sampler.AddPoint(addedPointIndex);
        return new UpdateResult(addedPointIndex, evictedPointIndex);
    }
}
