using LogPipeline.Scorer.Scoring;

namespace LogPipeline.Pipeline.Tests.Scorer;

public class AnomalyThresholdTests
{
    [Fact]
    public void FixedThresholdFlagsOnlyScoresAboveTheValue()
    {
        var threshold = new AnomalyThreshold(new ThresholdOptions { Mode = ThresholdMode.Fixed, Value = 3.0 });
        Assert.False(threshold.Evaluate(2.99, out var t));
        Assert.Equal(3.0, t);
        Assert.True(threshold.Evaluate(3.01, out _));
        Assert.Equal("fixed", threshold.ModeName);
    }

    [Fact]
    public void AdaptiveThresholdSettlesNearMeanPlusThreeSigmas()
    {
        var options = new ThresholdOptions { Mode = ThresholdMode.Adaptive, Sigmas = 3, Floor = 0, WarmUp = 100, DecayRate = 0.001 };
        var threshold = new AnomalyThreshold(options);
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            // Normal-ish scores with mean 0.75 and sd 0.2, like RCF on normal points.
            var score = 0.75 + 0.2 * Gaussian(random);
            threshold.Evaluate(Math.Max(0.01, score), out _);
        }

        Assert.InRange(threshold.Current, 1.25, 1.45);
        Assert.True(threshold.Evaluate(3.0, out _));
        Assert.False(threshold.Evaluate(0.9, out _));
    }

    [Fact]
    public void AdaptiveThresholdUsesTheFixedValueUntilWarmedUp()
    {
        var threshold = new AnomalyThreshold(new ThresholdOptions { Mode = ThresholdMode.Adaptive, Value = 3.0, WarmUp = 10, Floor = 0 });
        for (var i = 0; i < 9; i++)
        {
            threshold.Evaluate(1.0, out var t);
            Assert.Equal(3.0, t);
        }

        threshold.Evaluate(1.0, out _);
        Assert.NotEqual(3.0, threshold.Current);
    }

    [Fact]
    public void AnomalousScoresDoNotRaiseTheBarTheyAreJudgedBy()
    {
        var threshold = new AnomalyThreshold(new ThresholdOptions { Mode = ThresholdMode.Adaptive, WarmUp = 10, Floor = 0 });
        for (var i = 0; i < 1000; i++)
        {
            threshold.Evaluate(i % 2 == 0 ? 0.7 : 0.8, out _);
        }

        var before = threshold.Current;
        for (var i = 0; i < 200; i++)
        {
            Assert.True(threshold.Evaluate(5.0, out _));
        }

        Assert.Equal(before, threshold.Current);
    }

    [Fact]
    public void ZeroScoresFromAWarmingModelAreNeverAnomalous()
    {
        var threshold = new AnomalyThreshold(new ThresholdOptions { Mode = ThresholdMode.Fixed, Value = -1 });
        Assert.False(threshold.Evaluate(0, out _));
        Assert.Equal(0, threshold.Observed);
    }

    [Fact]
    public void TheFloorBoundsTheAdaptiveThreshold()
    {
        var threshold = new AnomalyThreshold(new ThresholdOptions { Mode = ThresholdMode.Adaptive, WarmUp = 1, Floor = 1.2 });
        for (var i = 0; i < 100; i++)
        {
            threshold.Evaluate(0.5, out _);
        }

        Assert.Equal(1.2, threshold.Current);
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
