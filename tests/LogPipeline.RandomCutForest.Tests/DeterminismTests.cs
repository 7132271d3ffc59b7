using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class DeterminismTests
{
    private static readonly RandomCutForestOptions Options = new()
    {
        Dimensions = 3,
        ShingleSize = 2,
        NumberOfTrees = 40,
        TimeDecay = 0.002,
        RandomSeed = 99,
    };

    [Fact]
    public void SameSeedAndInputGiveBitIdenticalScores()
    {
        var points = GaussianPoints.Create(1500, 3, seed: 12);

        var first = new RandomCutForest(Options).ScoreAndUpdateAll(points);
        var second = new RandomCutForest(Options).ScoreAndUpdateAll(points);

        Assert.Equal(BitPatterns(first), BitPatterns(second));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentScores()
    {
        var points = GaussianPoints.Create(500, 3, seed: 12);

        var first = new RandomCutForest(Options).ScoreAndUpdateAll(points);
        var second = new RandomCutForest(Options with { RandomSeed = 100 }).ScoreAndUpdateAll(points);

        Assert.NotEqual(first, second);
    }

    private static long[] BitPatterns(double[] scores) => Array.ConvertAll(scores, BitConverter.DoubleToInt64Bits);
}
