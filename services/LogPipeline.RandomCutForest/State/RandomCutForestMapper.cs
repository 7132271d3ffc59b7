using LogPipeline.RandomCutForest.Executor;
using LogPipeline.RandomCutForest.Randomness;

namespace LogPipeline.RandomCutForest.State;

/// <summary>Converts a <see cref="RandomCutForest"/> to and from <see cref="RandomCutForestState"/>.</summary>
public sealed class RandomCutForestMapper
{
    /// <summary>
    /// Saves each tree's nodes so a restored forest continues with bit-identical scores.
    /// When false the snapshot is smaller and trees are rebuilt from their samples on
    /// restore (AWS's default): deterministic, but not the same cuts as before.
    /// </summary>
    public bool SaveTreeState { get; init; } = true;

    public RandomCutForestState ToState(RandomCutForest forest)
    {
        ArgumentNullException.ThrowIfNull(forest);
        var options = forest.Options;
        var trees = new SamplerPlusTreeState[forest.Components.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            var component = forest.Components[t];
            trees[t] = new SamplerPlusTreeState
            {
                RandomState = component.Random.GetState(),
                Sampler = CompactSamplerMapper.ToState(component.Sampler),
                Tree = SaveTreeState ? RandomCutTreeMapper.ToState(component.Tree) : null,
            };
        }

        return new RandomCutForestState
        {
            Dimensions = options.Dimensions,
            ShingleSize = options.ShingleSize,
            NumberOfTrees = options.NumberOfTrees,
            SampleSize = options.SampleSize,
            TimeDecay = options.TimeDecay,
            RandomSeed = options.RandomSeed,
            OutputAfter = options.OutputAfter,
            ParallelExecution = options.ParallelExecution,
            InitialAcceptFraction = options.InitialAcceptFraction,
            TotalUpdates = forest.TotalUpdates,
            ShingledUpdates = forest.ShingledUpdates,
            OutputReady = forest.IsOutputReady,
            ShingleRecords = forest.Shingler.Records.ToArray(),
            ShingleRecordsSeen = forest.Shingler.RecordsSeen,
            PointStore = PointStoreMapper.ToState(forest.Store),
            Trees = trees,
        };
    }

    public RandomCutForest ToModel(RandomCutForestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StateChecks.Require(
            state.Version == RandomCutForestState.CurrentVersion,
            $"version {state.Version} is not supported; this library reads version {RandomCutForestState.CurrentVersion}.");
        var options = new RandomCutForestOptions
        {
            Dimensions = state.Dimensions,
            ShingleSize = state.ShingleSize,
            NumberOfTrees = state.NumberOfTrees,
            SampleSize = state.SampleSize,
            TimeDecay = state.TimeDecay,
            RandomSeed = state.RandomSeed,
            OutputAfter = state.OutputAfter,
            ParallelExecution = state.ParallelExecution,
            InitialAcceptFraction = state.InitialAcceptFraction,
        };
        options.Validate();
        StateChecks.Require(state.Trees.Length == options.NumberOfTrees, $"{state.Trees.Length} trees saved but {options.NumberOfTrees} configured.");

        var store = PointStoreMapper.ToModel(state.PointStore, options.ShingledDimensions, RandomCutForest.StoreCapacity(options));
        var components = new SamplerPlusTree[options.NumberOfTrees];
        for (var t = 0; t < components.Length; t++)
        {
            var saved = state.Trees[t];
            var random = RandomSource.FromState(saved.RandomState);
            var sampler = CompactSamplerMapper.ToModel(saved.Sampler, options, random);
            var tree = saved.Tree is null
                ? RandomCutTreeMapper.Rebuild(sampler, options.SampleSize, store, random)
                : RandomCutTreeMapper.ToModel(saved.Tree, options.SampleSize, store, random);
            StateChecks.Require(tree.Mass == sampler.Size, $"tree {t} holds {tree.Mass} points but its sampler {sampler.Size}.");
            components[t] = new SamplerPlusTree(sampler, tree, random);
        }

        var forest = RandomCutForest.FromParts(options, components, store);
        forest.Shingler.Restore(state.ShingleRecords, state.ShingleRecordsSeen);
        forest.RestoreCounters(state.TotalUpdates, state.ShingledUpdates, state.OutputReady);
        return forest;
    }
}
