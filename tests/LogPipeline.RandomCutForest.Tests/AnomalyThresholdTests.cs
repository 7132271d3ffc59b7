namespace LogPipeline.RandomCutForest.Tests;

public sealed class AnomalyThresholdTests
{
    [Fact]
    public void FixedThresholdFlagsOnlyScoresAboveTheValue()
    {
        var threshold = new AnomalyThreshold(new AnomalyThresholdOptions { Mode = ThresholdMode.Fixed, Value = 3.0 });

        Assert.False(threshold.Evaluate(2.99, out var judgedBy));
        Assert.Equal(3.0, judgedBy);
        Assert.True(threshold.Evaluate(3.01, out _));
        Assert.Equal("fixed", threshold.ModeName);
    }

    [Fact]
    public void AdaptiveThresholdSettlesNearMeanPlusThreeSigmas()
    {
        var threshold = new AnomalyThreshold(new AnomalyThresholdOptions { Sigmas = 3, Floor = 0, WarmUp = 100, DecayRate = 0.001 });
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            // Normal-ish scores with mean 0.75 and sd 0.2, like RCF on normal points.
            threshold.Evaluate(Math.Max(0.01, 0.75 + (0.2 * Gaussian(random))), out _);
        }

        Assert.InRange(threshold.Current, 1.25, 1.45);
        Assert.InRange(threshold.Mean, 0.7, 0.8);
        Assert.True(threshold.Evaluate(3.0, out _));
        Assert.False(threshold.Evaluate(0.9, out _));
        Assert.Equal("adaptive", threshold.ModeName);
    }

    [Fact]
    public void AdaptiveThresholdUsesTheValueUntilWarmedUp()
    {
        var threshold = new AnomalyThreshold(new AnomalyThresholdOptions { Value = 3.0, WarmUp = 10, Floor = 0 });
        for (var i = 0; i < 9; i++)
        {
            threshold.Evaluate(1.0, out var judgedBy);
            Assert.Equal(3.0, judgedBy);
        }

        Assert.True(threshold.IsAnomaly(3.5));
        threshold.Evaluate(1.0, out _);
        Assert.Equal(10, threshold.Observed);
        Assert.Equal(1.0, threshold.Current, 9);
    }

    [Fact]
    public void ASeriesSettingFlagsNothingDuringWarmUp()
    {
        var threshold = new AnomalyThreshold(AnomalyThresholdOptions.ForShingledSeries(8));
        for (var i = 0; i < 49; i++)
        {
            threshold.IsAnomaly(0.8);
        }

        Assert.False(threshold.IsAnomaly(50));
        Assert.Equal(50, threshold.Observed);
    }

    [Fact]
    public void TheFloorBoundsTheAdaptiveThreshold()
    {
        var threshold = new AnomalyThreshold(new AnomalyThresholdOptions { WarmUp = 1, Floor = 1.2 });
        for (var i = 0; i < 100; i++)
        {
            threshold.Evaluate(0.5, out _);
        }

        Assert.Equal(1.2, threshold.Current);
        Assert.False(threshold.IsAnomaly(1.2));
        Assert.True(threshold.IsAnomaly(1.21));
    }

    [Fact]
    public void ABurstOfAnomaliesDoesNotRaiseTheBarItIsJudgedBy()
    {
        var threshold = new AnomalyThreshold(new AnomalyThresholdOptions { WarmUp = 10, Floor = 0 });
        for (var i = 0; i < 1000; i++)
        {
            threshold.Evaluate(i % 2 == 0 ? 0.7 : 0.8, out _);
        }

        var before = threshold.Current;
        for (var i = 0; i < 200; i++)
        {
            Assert.True(threshold.Evaluate(5.0, out _), $"anomaly {i} of the burst was not flagged");
        }

        Assert.Equal(before, threshold.Current);
    }

    [Fact]
    public void ALastingChangeRaisesTheBarWhenHighScoresAreLearnedClipped()
    {
        var options = new AnomalyThresholdOptions { Sigmas = 3, WarmUp = 10, Floor = 0, LearnScoresAboveThreshold = true };
        var threshold = new AnomalyThreshold(options);
        for (var i = 0; i < 1000; i++)
        {
            threshold.Evaluate(i % 2 == 0 ? 0.7 : 0.8, out _);
        }

        var before = threshold.Current;
        var flagged = 0;
        for (var i = 0; i < 20; i++)
        {
            flagged += threshold.IsAnomaly(10) ? 1 : 0;
        }

        Assert.Equal(20, flagged);
        Assert.InRange(threshold.Current, before * 1.01, before * 1.2);
        Assert.True(threshold.Mean < 0.8, $"the mean moved to {threshold.Mean:F2}: scores of 10 were learned unclipped");
    }

    [Fact]
    public void FlagsAnExcursionOnceUntilScoresFallBack()
    {
        var threshold = WarmedUp(new AnomalyThreshold(new AnomalyThresholdOptions { Sigmas = 3, FlagOncePerExcursion = true }));

        bool[] flags = [threshold.IsAnomaly(3.0), threshold.IsAnomaly(3.2), threshold.IsAnomaly(0.8), threshold.IsAnomaly(3.0)];

        Assert.Equal([true, false, false, true], flags);
    }

    [Fact]
    public void FlagsNothingDuringTheQuietPeriodAfterAFlag()
    {
        var threshold = WarmedUp(new AnomalyThreshold(new AnomalyThresholdOptions { Sigmas = 3, QuietPeriod = 3 }));

        bool[] flags =
        [
            threshold.IsAnomaly(3.0), threshold.IsAnomaly(0.8), threshold.IsAnomaly(3.0),
            threshold.IsAnomaly(0.8), threshold.IsAnomaly(3.0),
        ];

        Assert.Equal([true, false, false, false, true], flags);
    }

    [Fact]
    public void FlagsEveryHighScoreByDefault()
    {
        var threshold = WarmedUp(new AnomalyThreshold(new AnomalyThresholdOptions { Sigmas = 3 }));

        Assert.True(threshold.IsAnomaly(3.0));
        Assert.True(threshold.IsAnomaly(3.2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ScoresThatAreNotPositiveAreNeverAnomalousAndNotCounted(double score)
    {
        var threshold = new AnomalyThreshold(new AnomalyThresholdOptions { Mode = ThresholdMode.Fixed, Value = -1 });

        Assert.False(threshold.Evaluate(score, out _));
        Assert.Equal(0, threshold.Observed);
    }

    [Fact]
    public void AnInfiniteScoreIsFlaggedWithoutPoisoningTheStatistics()
    {
        var threshold = WarmedUp(new AnomalyThreshold(new AnomalyThresholdOptions { Sigmas = 3 }));

        Assert.True(threshold.IsAnomaly(double.PositiveInfinity));
        Assert.True(double.IsFinite(threshold.Current));
    }

    [Fact]
    public void AnInfiniteScoreDuringASeriesWarmUpIsNotLearned()
    {
        var threshold = new AnomalyThreshold(AnomalyThresholdOptions.ForShingledSeries(8));

        Assert.False(threshold.IsAnomaly(double.PositiveInfinity));
        threshold.IsAnomaly(0.8);
        Assert.Equal(0.8, threshold.Mean);
    }

    [Theory]
    [InlineData("Sigmas")]
    [InlineData("DecayRate")]
    [InlineData("QuietPeriod")]
    public void RejectsInvalidOptions(string setting)
    {
        var options = setting switch
        {
            "Sigmas" => new AnomalyThresholdOptions { Sigmas = 0 },
            "DecayRate" => new AnomalyThresholdOptions { DecayRate = 0 },
            _ => new AnomalyThresholdOptions { QuietPeriod = -1 },
        };

        var error = Assert.Throws<ArgumentException>(() => new AnomalyThreshold(options));

        Assert.Equal(setting, error.ParamName);
    }

    private static AnomalyThreshold WarmedUp(AnomalyThreshold threshold)
    {
        var random = new Random(1);
        for (var i = 0; i < 600; i++)
        {
            threshold.IsAnomaly(0.8 + (0.1 * (random.NextDouble() - 0.5)));
        }

        return threshold;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
