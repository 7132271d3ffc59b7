namespace LogPipeline.RandomCutForest.State;

/// <summary>
/// Plain, versioned snapshot of a forest (AWS's <c>RandomCutForestState</c>). Holds no
/// behaviour; <see cref="RandomCutForestMapper"/> converts to and from the model.
/// </summary>
public sealed class RandomCutForestState
{
    /// <summary>The format this library writes. Bump it whenever a field changes meaning.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public int Dimensions { get; set; }

    public int ShingleSize { get; set; }

    public int NumberOfTrees { get; set; }

    public int SampleSize { get; set; }

    public double TimeDecay { get; set; }

    public int? RandomSeed { get; set; }

    public int? OutputAfter { get; set; }

    public bool ParallelExecution { get; set; }

    public double InitialAcceptFraction { get; set; }

    public long TotalUpdates { get; set; }

    public long ShingledUpdates { get; set; }

    public bool OutputReady { get; set; }

    /// <summary>The last <see cref="ShingleSize"/> records, oldest first.</summary>
    public float[] ShingleRecords { get; set; } = [];

    public long ShingleRecordsSeen { get; set; }

    public PointStoreState PointStore { get; set; } = new();

    /// <summary>One entry per tree, in tree order.</summary>
    public SamplerPlusTreeState[] Trees { get; set; } = [];
}
