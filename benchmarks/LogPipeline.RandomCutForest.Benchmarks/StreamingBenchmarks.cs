using BenchmarkDotNet.Attributes;

namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>
/// Score-then-update throughput of one forest on one thread: 100 trees, 256 samples,
/// AWS's default time decay, standard normal 3-d records. One operation is one record,
/// so "Mean" is the time per record and points/s = 1e9 / Mean[ns].
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class StreamingBenchmarks
{
    private const int Records = 4096;

    // Fresh records for 64 invocations, so the forest rarely sees a record twice.
    private const int Blocks = 64;
    private float[] _records = [];
    private RandomCutForest _forest = null!;
    private int _invocation;

    [Params(1, 8)]
    public int ShingleSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _records = NormalRecords.Create(Records * Blocks, dimensions: 3, seed: 1);
        _forest = WarmForest.Create(ShingleSize, parallelExecution: false);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public double ScoreAndUpdate()
    {
        var sum = 0.0;
        var offset = (_invocation++ % Blocks) * Records;
        for (var i = 0; i < Records; i++)
        {
            sum += _forest.ScoreAndUpdate(_records.AsSpan((offset + i) * 3, 3));
        }

        return sum;
    }
}
