using LogPipeline.RandomCutForest.State;
using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

public sealed class SnapshotTests
{
    private static readonly RandomCutForestOptions Options = new()
    {
        Dimensions = 2,
        ShingleSize = 4,
        NumberOfTrees = 30,
        SampleSize = 64,
        TimeDecay = 0.01,
        RandomSeed = 7,
    };

    [Fact]
    public void SaveAndLoadGiveIdenticalSubsequentScores()
    {
        var original = Trained();
        using var stream = new MemoryStream();

        original.Save(stream);
        stream.Position = 0;
        var restored = RandomCutForest.Load(stream);

        var next = GaussianPoints.Create(800, 2, seed: 32);
        Assert.Equal(original.ScoreAndUpdateAll(next), restored.ScoreAndUpdateAll(next));
        Assert.Equal(original.TotalUpdates, restored.TotalUpdates);
        Assert.Equal(original.Options, restored.Options);
    }

    [Fact]
    public void StateRoundTripKeepsSamplesTreesAndShingle()
    {
        var original = Trained();

        var restored = RandomCutForest.FromState(original.ToState());

        Assert.Equal(original.Shingler.Records.ToArray(), restored.Shingler.Records.ToArray());
        for (var t = 0; t < original.Components.Length; t++)
        {
            Assert.Equal(original.Components[t].Sampler.SequenceIndexes.ToArray(), restored.Components[t].Sampler.SequenceIndexes.ToArray());
            Assert.Equal(original.Components[t].Tree.Mass, restored.Components[t].Tree.Mass);
            TreeInvariants.AssertValid(restored.Components[t].Tree, restored.Store);
        }

        Assert.Equal(original.Score([3f, 3f]), restored.Score([3f, 3f]));
    }

    [Fact]
    public void SnapshotWithoutTreesRestoresTheSameForestEveryTime()
    {
        var original = Trained();
        var state = new RandomCutForestMapper { SaveTreeState = false }.ToState(original);

        var first = RandomCutForest.FromState(state);
        var second = RandomCutForest.FromState(state);

        Assert.All(state.Trees, tree => Assert.Null(tree.Tree));
        var next = GaussianPoints.Create(300, 2, seed: 33);
        var firstScores = first.ScoreAndUpdateAll(next);
        Assert.Equal(firstScores, second.ScoreAndUpdateAll(next));
        var (rebuiltMean, _) = ForestRuns.MeanAndStandardDeviation(firstScores);
        var (originalMean, _) = ForestRuns.MeanAndStandardDeviation(original.ScoreAndUpdateAll(next));
        Assert.InRange(rebuiltMean, originalMean * 0.9, originalMean * 1.1);
    }

    [Fact]
    public void EmptyForestSurvivesARoundTrip()
    {
        var restored = RandomCutForest.FromState(new RandomCutForest(Options).ToState());

        Assert.Equal(0, restored.TotalUpdates);
        Assert.Equal(0.0, restored.ScoreAndUpdate([1f, 2f]));
    }

    [Fact]
    public void RestoreRejectsAnUnknownStateVersion()
    {
        var state = Trained().ToState();
        state.Version = RandomCutForestState.CurrentVersion + 1;

        var error = Assert.Throws<ArgumentException>(() => RandomCutForest.FromState(state));

        Assert.Contains("version", error.Message);
    }

    [Fact]
    public void RestoreRejectsATreeCountThatDisagreesWithTheOptions()
    {
        var state = Trained().ToState();
        state.NumberOfTrees = 31;

        var error = Assert.Throws<ArgumentException>(() => RandomCutForest.FromState(state));

        Assert.Contains("31", error.Message);
    }

    private static RandomCutForest Trained()
    {
        var forest = new RandomCutForest(Options);
        forest.ScoreAndUpdateAll(GaussianPoints.Create(1000, 2, seed: 31));
        return forest;
    }
}
