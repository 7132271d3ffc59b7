namespace LogPipeline.RandomCutForest;

/// <summary>Configuration of a <see cref="RandomCutForest"/>. Defaults follow AWS's library.</summary>
public sealed record RandomCutForestOptions
{
    /// <summary>AWS's default fraction of the sample size before scores are produced.</summary>
    public const double DefaultOutputAfterFraction = 0.25;

    /// <summary>AWS's time decay when decay is wanted but not tuned: 1 / (10 * sample size).</summary>
    public static double DefaultTimeDecayFor(int sampleSize) => 1.0 / (10.0 * sampleSize);

    /// <summary>Values per input record, before shingling.</summary>
    public required int Dimensions { get; init; }

    /// <summary>Number of consecutive records joined into one point.</summary>
    public int ShingleSize { get; init; } = 1;

    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Points each tree's reservoir sample keeps.</summary>
    public int SampleSize { get; init; } = 256;

    /// <summary>0 = uniform reservoir; larger values forget old points faster. AWS's usual choice is <see cref="DefaultTimeDecayFor"/>.</summary>
    public double TimeDecay { get; init; }

    /// <summary>Seed for a deterministic forest; null picks a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Shingled points the forest must have seen before scores are non-zero; default <c>max(1, SampleSize / 4)</c>.</summary>
    public int? OutputAfter { get; init; }

    /// <summary>Lets batches run groups of trees on several cores. Single-point calls always run on the caller's thread.</summary>
    public bool ParallelExecution { get; init; } = true;

    /// <summary>
    /// Fraction of the sample a sampler fills with every point it sees before admitting
    /// new points ever less often (AWS's <c>initialAcceptFraction</c>, default 0.125).
    /// </summary>
    public double InitialAcceptFraction { get; init; } = 0.125;

    /// <summary>Dimensions of the points the trees hold: <c>Dimensions * ShingleSize</c>.</summary>
    public int ShingledDimensions => Dimensions * ShingleSize;

    /// <summary><see cref="OutputAfter"/> with its default applied.</summary>
    public int EffectiveOutputAfter => OutputAfter ?? Math.Max(1, (int)(SampleSize * DefaultOutputAfterFraction));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(Dimensions >= 1, nameof(Dimensions), $"Dimensions must be at least 1 but was {Dimensions}.");
        Require(ShingleSize >= 1, nameof(ShingleSize), $"ShingleSize must be at least 1 but was {ShingleSize}.");
        Require(NumberOfTrees >= 1, nameof(NumberOfTrees), $"NumberOfTrees must be at least 1 but was {NumberOfTrees}.");
        Require(SampleSize >= 2, nameof(SampleSize), $"SampleSize must be at least 2 but was {SampleSize}.");
        Require(
            double.IsFinite(TimeDecay) && TimeDecay >= 0,
            nameof(TimeDecay),
            $"TimeDecay must be a finite number of at least 0 but was {TimeDecay}.");
        Require(
            OutputAfter is null or >= 1,
            nameof(OutputAfter),
            $"OutputAfter must be at least 1 when set but was {OutputAfter}.");
        Require(
            InitialAcceptFraction > 0 && InitialAcceptFraction <= 1,
            nameof(InitialAcceptFraction),
            $"InitialAcceptFraction must be in (0, 1] but was {InitialAcceptFraction}.");
        var storedValues = (long)NumberOfTrees * SampleSize * Dimensions * ShingleSize;
        Require(
            storedValues <= Array.MaxLength / 2,
            nameof(NumberOfTrees),
            $"NumberOfTrees * SampleSize * Dimensions * ShingleSize is {storedValues}, too many values to store.");
    }

    private static void Require(bool condition, string parameterName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
