using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class BatchTests
{
    private static readonly RandomCutForestOptions Options = new()
    {
        Dimensions = 3,
        ShingleSize = 2,
        NumberOfTrees = 40,
        SampleSize = 128,
        TimeDecay = 0.004,
        RandomSeed = 23,
        ParallelExecution = true,
    };

    [Fact]
    public void BatchScoresEqualSequentialScoresBitForBit()
    {
        var points = GaussianPoints.Create(3000, 3, seed: 24);
        var sequential = new RandomCutForest(Options with { ParallelExecution = false }).ScoreAndUpdateAll(points);
        var batched = new RandomCutForest(Options);

        var scores = new double[3000];
        batched.ScoreBatch(points.AsSpan(0, 1000 * 3), scores.AsSpan(0, 1000));
        batched.ScoreBatch(points.AsSpan(1000 * 3, 7 * 3), scores.AsSpan(1000, 7));
        batched.ScoreBatch(points.AsSpan(1007 * 3), scores.AsSpan(1007));

        Assert.Equal(
            Array.ConvertAll(sequential, BitConverter.DoubleToInt64Bits),
            Array.ConvertAll(scores, BitConverter.DoubleToInt64Bits));
        Assert.Equal(3000, batched.TotalUpdates);
    }

    [Fact]
    public void FrozenBatchEqualsRepeatedFrozenScores()
    {
        var forest = new RandomCutForest(Options);
        forest.ScoreAndUpdateAll(GaussianPoints.Create(1000, 3, seed: 25));
        var queries = GaussianPoints.Create(200, 3, seed: 26);

        var batch = new double[200];
        forest.ScoreBatch(queries, batch, update: false);

        var one = new double[200];
        for (var i = 0; i < one.Length; i++)
        {
            one[i] = forest.Score(GaussianPoints.Record(queries, i, 3));
        }

        Assert.Equal(one, batch);
        Assert.Equal(1000, forest.TotalUpdates);
    }

    [Fact]
    public void BatchRejectsPointsThatDoNotMatchTheScoreCount()
    {
        var forest = new RandomCutForest(Options);

        var error = Assert.Throws<ArgumentException>(() => forest.ScoreBatch(new float[10], new double[3]));

        Assert.Contains("Expected 3 record(s) of 3 values", error.Message);
    }
}
