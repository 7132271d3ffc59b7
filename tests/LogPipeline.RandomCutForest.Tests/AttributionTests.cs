using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class AttributionTests(NormalDataFixture normalData) : IClassFixture<NormalDataFixture>
{
    [Fact]
    public void AttributionOfAFarOutlierAddsUpToItsScore()
    {
        float[] point = [6f, -6f, 6f];

        var attribution = normalData.Forest.Attribution(point);

        Assert.Equal(normalData.Forest.Score(point), attribution.Sum(), 9);
    }

    [Theory]
    [InlineData(0, 8f)]
    [InlineData(1, -8f)]
    [InlineData(2, 8f)]
    public void TheDimensionThatMakesAPointUnusualGetsTheLargestShareOnItsSide(int unusualDimension, float value)
    {
        var point = new float[3];
        point[unusualDimension] = value;

        var attribution = normalData.Forest.Attribution(point);

        var side = value > 0 ? attribution.High : attribution.Low;
        var share = side[unusualDimension] / attribution.Sum();
        Assert.True(share > 0.8, $"dimension {unusualDimension} got {share:P0} of the score {attribution.Sum():F2}");
        for (var other = 0; other < 3; other++)
        {
            if (other != unusualDimension)
            {
                Assert.True(attribution.Total(other) < side[unusualDimension] / 5, $"dimension {other} got {attribution.Total(other):F3}");
            }
        }
    }

    [Fact]
    public void AStreamedBatchGetsTheSameScoresWithAttributionAndEachRecordsPartsAddUpToItsScore()
    {
        var points = GaussianPoints.Create(1500, 3, seed: 5);
        points[(1400 * 3) + 1] = 9f;
        var plain = Forest(seed: 8);
        var attributed = Forest(seed: 8);
        var expected = new double[1500];
        var scores = new double[1500];
        var high = new double[1500 * 3];
        var low = new double[1500 * 3];

        plain.ScoreBatch(points, expected);
        attributed.ScoreBatch(points, scores, high, low);

        Assert.Equal(expected, scores);
        for (var record = 0; record < scores.Length; record++)
        {
            var sum = 0.0;
            for (var i = 0; i < 3; i++)
            {
                sum += high[(record * 3) + i] + low[(record * 3) + i];
            }

            Assert.True(Math.Abs(sum - scores[record]) <= 1e-9 * Math.Max(1, scores[record]), $"record {record}: parts {sum}, score {scores[record]}");
        }

        Assert.Equal(0.0, scores[0]);
        Assert.Equal(0.0, high[..3].Sum() + low[..3].Sum());
        Assert.True(high[(1400 * 3) + 1] > 0.8 * scores[1400], $"the spiked value got {high[(1400 * 3) + 1]:F2} of {scores[1400]:F2}");
    }

    [Fact]
    public void AttributionDoesNotDependOnParallelExecution()
    {
        var points = GaussianPoints.Create(600, 3, seed: 6);
        var parallel = Forest(seed: 9);
        var sequential = new RandomCutForest(parallel.Options with { ParallelExecution = false });
        var (parallelHigh, parallelLow) = (new double[600 * 3], new double[600 * 3]);
        var (sequentialHigh, sequentialLow) = (new double[600 * 3], new double[600 * 3]);

        parallel.ScoreBatch(points, new double[600], parallelHigh, parallelLow);
        sequential.ScoreBatch(points, new double[600], sequentialHigh, sequentialLow);

        Assert.Equal(sequentialHigh, parallelHigh);
        Assert.Equal(sequentialLow, parallelLow);
    }

    [Fact]
    public void AShingledForestAttributesEveryValueOfTheShingle()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 1, ShingleSize = 4, RandomSeed = 3 });
        var values = GaussianPoints.Create(800, 1, seed: 7);
        values[700] = 12f;
        var scores = new double[800];
        var high = new double[800 * 4];
        var low = new double[800 * 4];

        forest.ScoreBatch(values, scores, high, low);

        // At record 700 the spike is the newest value of the shingle, its last dimension.
        var newest = high[(700 * 4) + 3];
        Assert.True(newest > 0.5 * scores[700], $"the spike got {newest:F2} of {scores[700]:F2}");
        Assert.Equal(scores[700], high.AsSpan(700 * 4, 4).ToArray().Sum() + low.AsSpan(700 * 4, 4).ToArray().Sum(), 9);
    }

    [Fact]
    public void AttributionOfABatchAllocatesNothingOnceWarm()
    {
        // Sequential here; ParallelExecutionTests checks that the parallel path allocates nothing either.
        var forest = new RandomCutForest(Forest(seed: 10).Options with { ParallelExecution = false });
        var points = GaussianPoints.Create(300, 3, seed: 11);
        var (scores, high, low) = (new double[100], new double[300], new double[300]);
        forest.ScoreBatch(points.AsSpan(0, 300), scores, high, low);

        var before = GC.GetAllocatedBytesForCurrentThread();
        forest.ScoreBatch(points.AsSpan(300, 300), scores, high, low, update: false);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AttributionSpansOfTheWrongLengthAreRefused()
    {
        var forest = Forest(seed: 12);

        Assert.Throws<ArgumentException>(() => forest.ScoreBatch(new float[6], new double[2], new double[5], new double[6]));
    }

    private static RandomCutForest Forest(int seed) =>
        new(new RandomCutForestOptions { Dimensions = 3, RandomSeed = seed, NumberOfTrees = 50, SampleSize = 128 });
}
