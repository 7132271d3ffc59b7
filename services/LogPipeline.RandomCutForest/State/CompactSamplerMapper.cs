using LogPipeline.RandomCutForest.Randomness;
using LogPipeline.RandomCutForest.Sampler;

namespace LogPipeline.RandomCutForest.State;

internal static class CompactSamplerMapper
{
    public static CompactSamplerState ToState(CompactSampler sampler) => new()
    {
        Weights = sampler.Weights.ToArray(),
        PointIndexes = sampler.PointIndexes.ToArray(),
        SequenceIndexes = sampler.SequenceIndexes.ToArray(),
        NextAcceptance = sampler.NextAcceptance,
    };

    public static CompactSampler ToModel(CompactSamplerState state, RandomCutForestOptions options, RandomSource random)
    {
        StateChecks.Require(state.Weights.Length <= options.SampleSize, "A sampler holds more points than the sample size.");
        var sampler = new CompactSampler(options.SampleSize, options.TimeDecay, options.InitialAcceptFraction, random);
        sampler.Restore(state.Weights, state.PointIndexes, state.SequenceIndexes, state.NextAcceptance);
        return sampler;
    }
}
