using BenchmarkDotNet.Attributes;

namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>
/// <see cref="RandomCutForest.ScoreBatch"/> with score-then-update over batches of 1,024
/// records, on one thread and with groups of trees spread over all cores. Same forest as
/// <see cref="StreamingBenchmarks"/>; one operation is one record.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class BatchBenchmarks
{
    private const int Records = 1024;

    // Fresh records for 256 invocations, so the forest rarely sees a record twice.
    private const int Blocks = 256;
    private float[] _records = [];
    private double[] _scores = [];
    private RandomCutForest _forest = null!;
    private int _invocation;

    [Params(1, 8)]
    public int ShingleSize { get; set; }

    [Params(false, true)]
    public bool ParallelExecution { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _records = NormalRecords.Create(Records * Blocks, dimensions: 3, seed: 1);
        _scores = new double[Records];
        _forest = WarmForest.Create(ShingleSize, ParallelExecution);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void ScoreBatch()
    {
        var offset = (_invocation++ % Blocks) * Records;
        _forest.ScoreBatch(_records.AsSpan(offset * 3, Records * 3), _scores);
    }
}
