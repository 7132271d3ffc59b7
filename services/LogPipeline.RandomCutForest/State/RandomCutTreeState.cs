namespace LogPipeline.RandomCutForest.State;

/// <summary>
/// The node and leaf arrays of one tree. Bounding boxes are not saved: they are exact
/// unions of the leaf points and are recomputed on restore.
/// </summary>
public sealed class RandomCutTreeState
{
    /// <summary>-1 for an empty tree; at or above <c>SampleSize - 1</c> a leaf.</summary>
    public int Root { get; set; } = -1;

    public int[] CutDimensions { get; set; } = [];

    public float[] CutValues { get; set; } = [];

    public int[] LeftChildren { get; set; } = [];

    public int[] RightChildren { get; set; } = [];

    public int[] Masses { get; set; } = [];

    public int[] FreeNodes { get; set; } = [];

    public int[] LeafPointIndexes { get; set; } = [];

    public int[] LeafMasses { get; set; } = [];

    public int[] FreeLeaves { get; set; } = [];
}
