namespace LogPipeline.RandomCutForest.State;

/// <summary>The weighted sample of one tree, in heap order.</summary>
public sealed class CompactSamplerState
{
    public double[] Weights { get; set; } = [];

    public int[] PointIndexes { get; set; } = [];

    public long[] SequenceIndexes { get; set; } = [];

    /// <summary>Sequence index at which a full sampler accepts its next point; -1 when not yet drawn.</summary>
    public long NextAcceptance { get; set; } = -1;
}
