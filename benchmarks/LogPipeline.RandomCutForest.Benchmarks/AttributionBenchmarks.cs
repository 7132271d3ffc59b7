using BenchmarkDotNet.Attributes;

namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>
/// What attribution adds to the streaming score of the scorer's model: 6 features, 100 trees, 256 samples, batches of
/// 500 records (the scorer's batch), score-then-update with and without attribution. One operation is one record.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class AttributionBenchmarks
{
    private const int Dimensions = 6;
    private const int Records = 500;
    private const int Blocks = 256;
    private float[] _records = [];
    private double[] _scores = [];
    private double[] _high = [];
    private double[] _low = [];
    private RandomCutForest _forest = null!;
    private int _invocation;

    [Params(false, true)]
    public bool Attribution { get; set; }

    [Params(false, true)]
    public bool ParallelExecution { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _records = NormalRecords.Create(Records * Blocks, Dimensions, seed: 1);
        _scores = new double[Records];
        _high = new double[Records * Dimensions];
        _low = new double[Records * Dimensions];
        _forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = Dimensions,
            NumberOfTrees = 100,
            SampleSize = 256,
            TimeDecay = RandomCutForestOptions.DefaultTimeDecayFor(256),
            RandomSeed = 42,
            ParallelExecution = ParallelExecution,
        });
        _forest.ScoreBatch(NormalRecords.Create(20_000, Dimensions, seed: 2), new double[20_000]);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void ScoreBatch()
    {
        var records = _records.AsSpan((_invocation++ % Blocks) * Records * Dimensions, Records * Dimensions);
        if (Attribution)
        {
            _forest.ScoreBatch(records, _scores, _high, _low);
        }
        else
        {
            _forest.ScoreBatch(records, _scores);
        }
    }
}
