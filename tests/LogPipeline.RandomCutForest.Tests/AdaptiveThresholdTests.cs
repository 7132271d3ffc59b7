namespace LogPipeline.RandomCutForest.Tests;

public sealed class AdaptiveThresholdTests
{
    [Fact]
    public void FlagsAScoreFarAboveRecentScores()
    {
        var threshold = WarmedUp(new AdaptiveThreshold());

        Assert.True(threshold.IsAnomaly(3.0));
    }

    [Fact]
    public void DoesNotFlagScoresInTheUsualRange()
    {
        var threshold = WarmedUp(new AdaptiveThreshold());

        Assert.False(threshold.IsAnomaly(0.9));
        Assert.InRange(threshold.Mean, 0.75, 0.85);
    }

    [Fact]
    public void DoesNotFlagDuringWarmUp()
    {
        var threshold = new AdaptiveThreshold(new AdaptiveThresholdOptions { WarmUp = 10 });

        for (var i = 0; i < 9; i++)
        {
            threshold.IsAnomaly(0.8);
        }

        Assert.False(threshold.IsAnomaly(50));
    }

    [Fact]
    public void NeverFlagsAtOrBelowTheMinimumScore()
    {
        var threshold = new AdaptiveThreshold(new AdaptiveThresholdOptions { WarmUp = 5, MinimumScore = 1.0 });
        for (var i = 0; i < 50; i++)
        {
            threshold.IsAnomaly(0.1);
        }

        Assert.Equal(1.0, threshold.Current);
        Assert.False(threshold.IsAnomaly(1.0));
        Assert.True(threshold.IsAnomaly(1.01));
    }

    [Fact]
    public void FlagsAnExcursionOnceUntilScoresFallBack()
    {
        var threshold = WarmedUp(new AdaptiveThreshold());

        bool[] flags = [threshold.IsAnomaly(3.0), threshold.IsAnomaly(3.2), threshold.IsAnomaly(0.8), threshold.IsAnomaly(3.0)];

        Assert.Equal([true, false, false, true], flags);
    }

    [Fact]
    public void FlagsEveryHighScoreWhenExcursionsAreNotMerged()
    {
        var threshold = WarmedUp(new AdaptiveThreshold(new AdaptiveThresholdOptions { FlagOncePerExcursion = false }));

        Assert.True(threshold.IsAnomaly(3.0));
        Assert.True(threshold.IsAnomaly(3.2));
    }

    [Fact]
    public void IgnoresZeroScoresOfAForestStillWarmingUp()
    {
        var threshold = new AdaptiveThreshold();

        Assert.False(threshold.IsAnomaly(0));
        Assert.Equal(0, threshold.Count);
    }

    [Fact]
    public void AnomaliesDoNotWidenTheBandEnoughToHideTheNext()
    {
        var threshold = WarmedUp(new AdaptiveThreshold(new AdaptiveThresholdOptions { FlagOncePerExcursion = false, MinimumScore = 0 }));
        var before = threshold.Current;

        for (var i = 0; i < 20; i++)
        {
            threshold.IsAnomaly(10);
        }

        Assert.True(threshold.Current < before * 1.2, $"threshold rose from {before:F2} to {threshold.Current:F2}");
    }

    [Fact]
    public void RejectsInvalidOptions()
    {
        var error = Assert.Throws<ArgumentException>(() => new AdaptiveThreshold(new AdaptiveThresholdOptions { K = 0 }));

        Assert.Equal("K", error.ParamName);
    }

    private static AdaptiveThreshold WarmedUp(AdaptiveThreshold threshold)
    {
        var random = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            threshold.IsAnomaly(0.8 + (0.1 * (random.NextDouble() - 0.5)));
        }

        return threshold;
    }
}
