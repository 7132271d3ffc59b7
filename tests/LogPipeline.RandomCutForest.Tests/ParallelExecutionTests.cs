using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

/// <summary>Batches split over cores give the very scores one core gives, and the split allocates nothing.</summary>
public sealed class ParallelExecutionTests
{
    private const int Records = 3000;

    [Theory]
    [InlineData(100, 3, 1)]
    [InlineData(37, 2, 4)]
    public void ParallelAndSequentialBatchesGiveBitIdenticalScores(int trees, int dimensions, int shingleSize)
    {
        var options = new RandomCutForestOptions
        {
            Dimensions = dimensions,
            ShingleSize = shingleSize,
            NumberOfTrees = trees,
            SampleSize = 256,
            TimeDecay = RandomCutForestOptions.DefaultTimeDecayFor(256),
            RandomSeed = 31,
        };
        var points = GaussianPoints.Create(Records, dimensions, seed: 32);
        var parallel = new RandomCutForest(options with { ParallelExecution = true });
        var sequential = new RandomCutForest(options with { ParallelExecution = false });

        var parallelScores = ScoreInBatches(parallel, points, dimensions, update: true);
        var sequentialScores = ScoreInBatches(sequential, points, dimensions, update: true);
        var queries = GaussianPoints.Create(700, dimensions, seed: 33);
        var parallelFrozen = new double[700];
        var sequentialFrozen = new double[700];
        parallel.ScoreBatch(queries, parallelFrozen, update: false);
        sequential.ScoreBatch(queries, sequentialFrozen, update: false);

        Assert.Equal(Bits(sequentialScores), Bits(parallelScores));
        Assert.Equal(Bits(sequentialFrozen), Bits(parallelFrozen));
        Assert.Contains(parallelFrozen, score => score > 0);
        Assert.Equal(sequential.ToState().PointStore.Indexes, parallel.ToState().PointStore.Indexes);
    }

    [Fact]
    public void AParallelBatchAllocatesNothingOnceWarm()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = 3,
            NumberOfTrees = 100,
            SampleSize = 256,
            RandomSeed = 34,
            ParallelExecution = true,
        });
        var points = GaussianPoints.Create(2000, 3, seed: 35);
        var scores = new double[1000];
        forest.ScoreBatch(points.AsSpan(0, 3000), scores);

        var before = GC.GetAllocatedBytesForCurrentThread();
        forest.ScoreBatch(points.AsSpan(3000), scores);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains(scores, score => score > 0);
    }

    // Uneven batch sizes, so chunks of every length and single-record calls mix.
    private static double[] ScoreInBatches(RandomCutForest forest, float[] points, int dimensions, bool update)
    {
        var scores = new double[points.Length / dimensions];
        var first = 0;
        foreach (var size in (int[])[500, 1, 129, 15, 16, 1024])
        {
            forest.ScoreBatch(points.AsSpan(first * dimensions, size * dimensions), scores.AsSpan(first, size), update);
            first += size;
        }

        forest.ScoreBatch(points.AsSpan(first * dimensions), scores.AsSpan(first), update);
        return scores;
    }

    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);
}
