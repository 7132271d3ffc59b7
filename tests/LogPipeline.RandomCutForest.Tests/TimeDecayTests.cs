using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class TimeDecayTests
{
    private const int Points = 4000;

    [Fact]
    public void TimeDecayMakesOldPointsLeaveTheSampleFaster()
    {
        var uniform = Streamed(timeDecay: 0);
        var decayed = Streamed(timeDecay: 1.0 / 640);

        var uniformShare = ShareOfFirstHalf(uniform);
        var decayedShare = ShareOfFirstHalf(decayed);

        Assert.InRange(uniformShare, 0.45, 0.55);
        Assert.True(decayedShare < 0.05, $"{decayedShare:P1} of the decayed sample is from the first half");
    }

    [Fact]
    public void TimeDecayMakesTheForestForgetAnOldRegimeSooner()
    {
        var options = new RandomCutForestOptions { Dimensions = 2, NumberOfTrees = 50, RandomSeed = 11 };
        var uniform = new RandomCutForest(options);
        var decayed = new RandomCutForest(options with { TimeDecay = 1.0 / 500 });
        var oldRegime = GaussianPoints.Create(3000, 2, seed: 12);
        var newRegime = GaussianPoints.Create(3000, 2, seed: 13, offset: 8);

        foreach (var forest in new[] { uniform, decayed })
        {
            forest.ScoreAndUpdateAll(oldRegime);
            forest.ScoreAndUpdateAll(newRegime);
        }

        var uniformScore = uniform.Score([0f, 0f]);
        var decayedScore = decayed.Score([0f, 0f]);
        Assert.True(decayedScore > 2 * uniformScore, $"decayed forest scored the old regime {decayedScore:F2}, uniform {uniformScore:F2}");
    }

    private static RandomCutForest Streamed(double timeDecay)
    {
        var forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = 1,
            NumberOfTrees = 30,
            SampleSize = 128,
            TimeDecay = timeDecay,
            RandomSeed = 5,
        });
        forest.ScoreAndUpdateAll(GaussianPoints.Create(Points, 1, seed: 6));
        return forest;
    }

    private static double ShareOfFirstHalf(RandomCutForest forest)
    {
        var old = 0;
        var all = 0;
        foreach (var component in forest.Components)
        {
            foreach (var sequenceIndex in component.Sampler.SequenceIndexes)
            {
                old += sequenceIndex <= Points / 2 ? 1 : 0;
                all++;
            }
        }

        return (double)old / all;
    }
}
