using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class SampleMaintenanceTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void AfterManyUpdatesEachTreeHoldsExactlySampleSizePoints(double timeDecay)
    {
        var forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = 3,
            NumberOfTrees = 20,
            SampleSize = 64,
            TimeDecay = timeDecay,
            RandomSeed = 3,
        });

        forest.ScoreAndUpdateAll(GaussianPoints.Create(5000, 3, seed: 4));

        foreach (var component in forest.Components)
        {
            Assert.Equal(64, component.Sampler.Size);
            Assert.Equal(component.Sampler.Size, component.Tree.Mass);
            TreeInvariants.AssertValid(component.Tree, forest.Store);
        }
    }

    [Fact]
    public void PointStoreHoldsExactlyThePointsTheSamplersReference()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 2, NumberOfTrees = 10, SampleSize = 32, TimeDecay = 0.05, RandomSeed = 6 });

        forest.ScoreAndUpdateAll(GaussianPoints.Create(3000, 2, seed: 7));

        var references = new Dictionary<int, int>();
        foreach (var component in forest.Components)
        {
            foreach (var index in component.Sampler.PointIndexes)
            {
                references[index] = references.GetValueOrDefault(index) + 1;
            }
        }

        Assert.Equal(references.Count, forest.Store.Count);
        foreach (var (index, count) in references)
        {
            Assert.Equal(count, forest.Store.GetReferenceCount(index));
        }
    }

    [Fact]
    public void RepeatedPointsShareLeavesAndKeepMassesConsistent()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 2, NumberOfTrees = 10, SampleSize = 32, TimeDecay = 0.05, RandomSeed = 8 });
        float[][] few = [[0f, 0f], [1f, 0f], [0f, 1f], [1f, 1f]];

        for (var i = 0; i < 2000; i++)
        {
            forest.Update(few[i % few.Length]);
        }

        foreach (var component in forest.Components)
        {
            Assert.Equal(32, component.Tree.Mass);
            Assert.Equal(32 - 4, component.Tree.Leaves.FreeLeaves.Length);
            TreeInvariants.AssertValid(component.Tree, forest.Store);
        }

        Assert.Equal(4, forest.Store.Count);
    }
}
