using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class ShinglingTests
{
    [Fact]
    public void ShingledForestScoresLikeAForestFedTheShinglesDirectly()
    {
        const int dimensions = 2;
        const int shingleSize = 3;
        var records = GaussianPoints.Create(600, dimensions, seed: 21);
        var shingled = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = dimensions,
            ShingleSize = shingleSize,
            NumberOfTrees = 20,
            RandomSeed = 5,
        });
        var flat = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = dimensions * shingleSize,
            NumberOfTrees = 20,
            RandomSeed = 5,
        });

        var shingledScores = shingled.ScoreAndUpdateAll(records);
        var shingles = new float[(600 - shingleSize + 1) * dimensions * shingleSize];
        for (var end = shingleSize - 1; end < 600; end++)
        {
            records.AsSpan((end - shingleSize + 1) * dimensions, dimensions * shingleSize)
                .CopyTo(shingles.AsSpan((end - shingleSize + 1) * dimensions * shingleSize));
        }

        var flatScores = flat.ScoreAndUpdateAll(shingles);

        Assert.Equal(flatScores, shingledScores[(shingleSize - 1)..]);
        Assert.Equal(600, shingled.TotalUpdates);
        Assert.Equal(600 - shingleSize + 1, shingled.ShingledUpdates);
    }

    [Fact]
    public void ScoresAreZeroUntilTheFirstShingleIsFull()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = 1,
            ShingleSize = 4,
            NumberOfTrees = 10,
            OutputAfter = 1,
            RandomSeed = 1,
        });

        var scores = forest.ScoreAndUpdateAll([1f, 2f, 3f, 4f, 5f, 6f, 7f]);

        Assert.Equal([0.0, 0.0, 0.0, 0.0], scores[..4]);
        Assert.All(scores[5..], score => Assert.True(score > 0));
    }

    [Fact]
    public void FrozenScoreUsesThePreviousRecordsAsTheShingle()
    {
        var forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 1, ShingleSize = 2, NumberOfTrees = 30, RandomSeed = 2 });
        var alternating = new float[400];
        for (var i = 0; i < alternating.Length; i++)
        {
            alternating[i] = i % 2 == 0 ? 0f : 10f;
        }

        forest.ScoreAndUpdateAll(alternating);

        // The last record was 10: following it with 0 repeats the pattern, another 10 breaks it.
        var expected = forest.Score([0f]);
        var unexpected = forest.Score([10f]);

        Assert.True(unexpected > 2 * expected, $"pattern break scored {unexpected:F2}, pattern {expected:F2}");
    }

    [Fact]
    public void ShinglingRevealsAnOutOfOrderRecordThatSingleRecordsHide()
    {
        var wave = new float[3000];
        for (var i = 0; i < wave.Length; i++)
        {
            wave[i] = MathF.Sin(2 * MathF.PI * i / 50);
        }

        // A value the wave takes every cycle, but at the wrong phase.
        const int glitch = 2510;
        wave[glitch] = -wave[glitch];
        var options = new RandomCutForestOptions { Dimensions = 1, NumberOfTrees = 50, RandomSeed = 4 };

        var single = new RandomCutForest(options).ScoreAndUpdateAll(wave);
        var shingled = new RandomCutForest(options with { ShingleSize = 8 }).ScoreAndUpdateAll(wave);

        var (singleMean, _) = ForestRuns.MeanAndStandardDeviation(single[2000..2500]);
        var (shingledMean, _) = ForestRuns.MeanAndStandardDeviation(shingled[2000..2500]);
        var shingledPeak = shingled[glitch..(glitch + 8)].Max();
        Assert.True(single[glitch] < 1.5 * singleMean, $"unshingled glitch scored {single[glitch]:F2} against {singleMean:F2}");
        Assert.True(shingledPeak > 2 * shingledMean, $"shingled glitch scored {shingledPeak:F2} against {shingledMean:F2}");
    }
}
