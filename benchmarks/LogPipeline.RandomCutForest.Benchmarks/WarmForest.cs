namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>
/// The forest every benchmark measures: 3-d, AWS's defaults (100 trees, 256 samples, time decay 1/2560), fixed seed,
/// samplers filled with 20,000 normal records so the steady state is measured, not the fill.
/// </summary>
internal static class WarmForest
{
    public const int Dimensions = 3;
    private const int WarmUpRecords = 20_000;

    public static RandomCutForest Create(int shingleSize, bool parallelExecution)
    {
        var forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = Dimensions,
            ShingleSize = shingleSize,
            NumberOfTrees = 100,
            SampleSize = 256,
            TimeDecay = RandomCutForestOptions.DefaultTimeDecayFor(256),
            RandomSeed = 42,
            ParallelExecution = parallelExecution,
        });

        // ScoreBatch updates as it scores, record by record, exactly as ScoreAndUpdate in a loop would.
        forest.ScoreBatch(NormalRecords.Create(WarmUpRecords, Dimensions, seed: 2), new double[WarmUpRecords]);
        return forest;
    }
}
