using System.Diagnostics;

namespace LogPipeline.RandomCutForest.Benchmarks;

/// <summary>
/// A plain timing loop beside BenchmarkDotNet, for shared machines: besides wall-clock
/// points/s it reports points per second of process CPU time, which other processes
/// competing for the cores do not inflate. Run with the argument "throughput".
/// </summary>
internal static class ThroughputProbe
{
    private const int MeasuredRecords = 30_000;
    private const int Repeats = 3;

    public static void Run()
    {
        foreach (var shingleSize in (int[])[1, 8])
        {
            Report($"ScoreAndUpdate, shingle {shingleSize}", shingleSize, parallel: false, (forest, records, _) =>
            {
                for (var i = 0; i < MeasuredRecords; i++)
                {
                    forest.ScoreAndUpdate(records.AsSpan(i * 3, 3));
                }
            });
            Report($"ScoreBatch single-thread, shingle {shingleSize}", shingleSize, parallel: false, (forest, records, scores) =>
                forest.ScoreBatch(records, scores));
            Report($"ScoreBatch parallel, shingle {shingleSize}", shingleSize, parallel: true, (forest, records, scores) =>
                forest.ScoreBatch(records, scores));
            var (high, low) = (new double[MeasuredRecords * 3 * shingleSize], new double[MeasuredRecords * 3 * shingleSize]);
            Report($"ScoreBatch + attribution, shingle {shingleSize}", shingleSize, parallel: false, (forest, records, scores) =>
                forest.ScoreBatch(records, scores, high, low));
        }
    }

    private static void Report(string name, int shingleSize, bool parallel, Action<RandomCutForest, float[], double[]> run)
    {
        var bestWall = double.MaxValue;
        var bestCpu = double.MaxValue;
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            var forest = WarmForest.Create(shingleSize, parallel);
            var records = NormalRecords.Create(MeasuredRecords, 3, seed: 3 + repeat);
            var scores = new double[MeasuredRecords];

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run(forest, records, scores);
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            bestWall = Math.Min(bestWall, wall);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        var cpuRate = parallel ? "n/a (several cores)" : $"{MeasuredRecords / bestCpu:N0}";
        Console.WriteLine($"{name,-40} wall {MeasuredRecords / bestWall,8:N0} points/s   per CPU second {cpuRate}");
    }
}
