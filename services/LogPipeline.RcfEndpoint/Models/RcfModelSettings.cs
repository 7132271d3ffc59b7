using LogPipeline.RandomCutForest;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>
/// One named model, as configured under <c>Pipeline:Rcf:Models:&lt;name&gt;</c> or sent to <c>PUT /admin/models/{name}</c>.
/// </summary>
public sealed record RcfModelSettings
{
    /// <summary>Features per record: the length of every vector sent to the model.</summary>
    // The scorer's LogFeatureExtractor.FeatureCount: change both together.
    public int FeatureDim { get; init; } = 6;

    /// <summary>Consecutive records joined into one point (1 = each record on its own).</summary>
    public int ShingleSize { get; init; } = 1;

    public int Trees { get; init; } = 100;

    /// <summary>Points each tree keeps in its sample.</summary>
    public int SampleSize { get; init; } = 256;

    /// <summary>0 keeps a uniform sample of the whole stream; larger values forget old points faster.</summary>
    public double TimeDecay { get; init; }

    /// <summary>Fixes the forest's randomness (reproducible scores); null picks a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Points seen before scores become non-zero; null uses the forest's default (a quarter of the sample size).</summary>
    public int? OutputAfter { get; init; }

    public RcfModelMode Mode { get; init; } = RcfModelMode.Streaming;

    public RandomCutForestOptions ToForestOptions() => new()
    {
        Dimensions = FeatureDim,
        ShingleSize = ShingleSize,
        NumberOfTrees = Trees,
        SampleSize = SampleSize,
        TimeDecay = TimeDecay,
        RandomSeed = Seed,
        OutputAfter = OutputAfter,
    };

    /// <summary>True when both settings build the same forest, so a learned forest can carry over (only the mode may differ).</summary>
    public bool ShapesSameForestAs(RcfModelSettings other) => this with { Mode = other.Mode } == other;

    /// <summary>Null when the settings can build a forest, otherwise the reason they cannot.</summary>
    public string? Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            return $"Mode must be streaming or frozen but was {Mode}.";
        }

        try
        {
            ToForestOptions().Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.Replace("Dimensions", nameof(FeatureDim), StringComparison.Ordinal)
                .Replace("NumberOfTrees", nameof(Trees), StringComparison.Ordinal);
        }
    }
}
