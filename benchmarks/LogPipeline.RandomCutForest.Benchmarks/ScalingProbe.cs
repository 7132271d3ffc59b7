using System.Diagnostics;

namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>
/// One core against all cores for <see cref="RandomCutForest.ScoreBatch(ReadOnlySpan{float}, Span{double}, bool)"/>,
/// the figure of issue 14's "RCF engine on two cores". Per workload it runs the same fresh records through a warm forest
/// with <c>ParallelExecution</c> off and on and prints points/s (wall clock), the speed-up, and the process CPU time
/// per point: a parallel run that burns more CPU per point than the sequential one is losing work to the split
/// (false sharing, waiting, imbalance); one that burns the same but is not faster is waiting for a core that other
/// processes hold. Each line carries the load average, since the machine is shared. Run with the argument "scaling";
/// "scaling quick" runs one repeat of the 3-d workloads only.
/// </summary>
internal static class ScalingProbe
{
    private const int WarmUpRecords = 20_000;

    private static readonly ScalingWorkload[] Workloads =
    [
        new("3-d, decay 1/2560, ScoreAndUpdate x1", 3, RandomCutForestOptions.DefaultTimeDecayFor(256), 1, Update: true, Attribution: false),

        // AWS's defaults, the comparison: 3-d, 100 trees, 256 samples, time decay 1/2560.
        new("3-d, decay 1/2560, score+update", 3, RandomCutForestOptions.DefaultTimeDecayFor(256), 1024, Update: true, Attribution: false),
        new("3-d, decay 1/2560, score only", 3, RandomCutForestOptions.DefaultTimeDecayFor(256), 1024, Update: false, Attribution: false),

        // The scorer's model (RcfOptions.DefaultModel, Explain on) in batches of 500, as measured: 6 features, decay 1/2560.
        new("scorer 6-d, score+update+attribution", 6, RandomCutForestOptions.DefaultTimeDecayFor(256), 500, Update: true, Attribution: true),
        new("scorer 6-d, score+update", 6, RandomCutForestOptions.DefaultTimeDecayFor(256), 500, Update: true, Attribution: false),
    ];

    public static void Run(bool quick)
    {
        var records = quick ? 20_000 : 30_000;
        var repeats = quick ? 1 : 3;
        Console.WriteLine($"{Environment.ProcessorCount} cores, {records:N0} records per run, best of {repeats}; server GC {System.Runtime.GCSettings.IsServerGC}");
        foreach (var workload in Workloads)
        {
            var sequential = Measure(workload, parallel: false, records, repeats);
            if (workload.BatchSize < RandomCutForest.MinimumParallelBatch)
            {
                Console.WriteLine(
                    $"{workload.Name,-40} 1 core {sequential.PointsPerSecond,8:N0}/s ({sequential.Repeats})   CPU µs/point {sequential.CpuMicrosecondsPerPoint:F1}" +
                    $"   alloc B/point {sequential.AllocatedBytesPerPoint:F2}   load {LoadAverage()}");
                continue;
            }

            var parallel = Measure(workload, parallel: true, records, repeats);
            Console.WriteLine(
                $"{workload.Name,-40} 1 core {sequential.PointsPerSecond,8:N0}/s ({sequential.Repeats})" +
                $"   {Environment.ProcessorCount} cores {parallel.PointsPerSecond,8:N0}/s ({parallel.Repeats})" +
                $"   x{parallel.PointsPerSecond / sequential.PointsPerSecond:F2}" +
                $"   CPU µs/point {sequential.CpuMicrosecondsPerPoint:F1} -> {parallel.CpuMicrosecondsPerPoint:F1}" +
                $"   alloc B/point {parallel.AllocatedBytesPerPoint:F2}   load {LoadAverage()}");
        }
    }

    private static ScalingResult Measure(ScalingWorkload workload, bool parallel, int records, int repeats)
    {
        var best = new ScalingResult(0, double.MaxValue, 0, "");
        var rates = new List<string>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var forest = new RandomCutForest(new RandomCutForestOptions
            {
                Dimensions = workload.Dimensions,
                NumberOfTrees = 100,
                SampleSize = 256,
                TimeDecay = workload.TimeDecay,
                RandomSeed = 42,
                ParallelExecution = parallel,
            });
            forest.ScoreBatch(NormalRecords.Create(WarmUpRecords, workload.Dimensions, seed: 2), new double[WarmUpRecords]);
            var values = NormalRecords.Create(records, workload.Dimensions, seed: 3 + repeat);
            var scores = new double[workload.BatchSize];
            var high = new double[workload.Attribution ? workload.BatchSize * workload.Dimensions : 0];
            var low = new double[high.Length];

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var first = 0; first < records; first += workload.BatchSize)
            {
                var count = Math.Min(workload.BatchSize, records - first);
                var batch = values.AsSpan(first * workload.Dimensions, count * workload.Dimensions);
                if (workload.BatchSize == 1)
                {
                    scores[0] = forest.ScoreAndUpdate(batch);
                }
                else if (workload.Attribution)
                {
                    forest.ScoreBatch(batch, scores.AsSpan(0, count), high.AsSpan(0, count * workload.Dimensions), low.AsSpan(0, count * workload.Dimensions), workload.Update);
                }
                else
                {
                    forest.ScoreBatch(batch, scores.AsSpan(0, count), workload.Update);
                }
            }

            var wall = clock.Elapsed.TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            rates.Add($"{records / wall:N0}");
            if (records / wall > best.PointsPerSecond)
            {
                best = new ScalingResult(records / wall, cpu * 1e6 / records, (double)allocated / records, "");
            }
        }

        return best with { Repeats = string.Join(' ', rates) };
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
}
