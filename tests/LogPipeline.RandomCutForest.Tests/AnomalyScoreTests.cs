using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class AnomalyScoreTests(NormalDataFixture normalData) : IClassFixture<NormalDataFixture>
{
    // Measured with AWS's Java library: 100 trees, 256 samples, 3-d standard normal points.
    private const double AwsMeanScore = 0.75;
    private const double AwsScoreStandardDeviation = 0.21;
    private const double AwsScoreOfTenTenTen = 6.0;

    [Fact]
    public void NormalPointsScoreWithinTenPercentOfAwsFigures()
    {
        var (mean, standardDeviation) = ForestRuns.MeanAndStandardDeviation(normalData.Scores);

        Assert.InRange(mean, AwsMeanScore * 0.9, AwsMeanScore * 1.1);
        Assert.InRange(standardDeviation, AwsScoreStandardDeviation * 0.9, AwsScoreStandardDeviation * 1.1);
    }

    [Fact]
    public void FarOutlierScoresWithinTenPercentOfAwsFigure()
    {
        var score = normalData.Forest.Score([10f, 10f, 10f]);

        Assert.InRange(score, AwsScoreOfTenTenTen * 0.9, AwsScoreOfTenTenTen * 1.1);
    }

    [Fact]
    public void OutlierScoresSeveralTimesNormalPoints()
    {
        var (mean, _) = ForestRuns.MeanAndStandardDeviation(normalData.Scores);

        var outlierScore = normalData.Forest.Score([6f, -6f, 6f]);

        Assert.True(outlierScore > 4 * mean, $"outlier scored {outlierScore:F2}, normal points {mean:F2} on average");
    }

    [Fact]
    public void NormalPointsScoreALittleUnderOne()
    {
        var (mean, _) = ForestRuns.MeanAndStandardDeviation(normalData.Scores);

        Assert.InRange(mean, 0.5, 1.0);
    }

    [Fact]
    public void ScoresStayZeroUntilOutputAfterPointsWereSeen()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 3, RandomSeed = 3 });
        var points = GaussianPoints.Create(200, 3, seed: 4);

        var scores = forest.ScoreAndUpdateAll(points);

        Assert.Equal(64, forest.Options.EffectiveOutputAfter);
        Assert.All(scores[..64], score => Assert.Equal(0.0, score));
        Assert.All(scores[100..], score => Assert.True(score > 0));
        Assert.True(forest.IsOutputReady);
    }

    [Fact]
    public void OutputAfterCanBeLowered()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 3, RandomSeed = 3, OutputAfter = 10 });

        var scores = forest.ScoreAndUpdateAll(GaussianPoints.Create(20, 3, seed: 4));

        Assert.All(scores[..10], score => Assert.Equal(0.0, score));
        Assert.All(scores[10..], score => Assert.True(score > 0));
    }

    [Fact]
    public void FrozenScoringLeavesTheForestUnchanged()
    {
        var options = new RandomCutForestOptions { Dimensions = 3, RandomSeed = 8, NumberOfTrees = 30 };
        var scored = new RandomCutForest(options);
        var untouched = new RandomCutForest(options);
        var training = GaussianPoints.Create(500, 3, seed: 9);
        scored.ScoreAndUpdateAll(training);
        untouched.ScoreAndUpdateAll(training);

        var first = scored.Score([0.5f, 0.5f, 0.5f]);
        var second = scored.Score([0.5f, 0.5f, 0.5f]);

        Assert.Equal(first, second);
        Assert.Equal(untouched.TotalUpdates, scored.TotalUpdates);
        var next = GaussianPoints.Create(100, 3, seed: 10);
        Assert.Equal(untouched.ScoreAndUpdateAll(next), scored.ScoreAndUpdateAll(next));
    }

    [Fact]
    public void ScoreAndUpdateAllocatesNothingOnceWarm()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 3, ShingleSize = 4, RandomSeed = 5, TimeDecay = 0.001 });
        var points = GaussianPoints.Create(2000, 3, seed: 6);
        forest.ScoreAndUpdateAll(points);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            forest.ScoreAndUpdate(GaussianPoints.Record(points, i, 3));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
