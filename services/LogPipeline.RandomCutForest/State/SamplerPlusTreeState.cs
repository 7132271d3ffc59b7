namespace LogPipeline.RandomCutForest.State;

/// <summary>One tree with its sampler and the random generator they share.</summary>
public sealed class SamplerPlusTreeState
{
    /// <summary>xoshiro256** state words.</summary>
    public ulong[] RandomState { get; set; } = [];

    public CompactSamplerState Sampler { get; set; } = new();

    /// <summary>Null when saved without trees; the tree is then rebuilt from the sample.</summary>
    public RandomCutTreeState? Tree { get; set; }
}
