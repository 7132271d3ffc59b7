namespace LogPipeline.RandomCutForest.State;

/// <summary>The points still referenced, with their store indexes and reference counts.</summary>
public sealed class PointStoreState
{
    public int Dimensions { get; set; }

    public int Capacity { get; set; }

    public int[] Indexes { get; set; } = [];

    public int[] ReferenceCounts { get; set; } = [];

    /// <summary><see cref="Dimensions"/> values per entry of <see cref="Indexes"/>.</summary>
    public float[] Values { get; set; } = [];
}
