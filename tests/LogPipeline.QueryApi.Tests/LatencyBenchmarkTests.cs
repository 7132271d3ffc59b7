using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace LogPipeline.QueryApi.Tests;

/// <summary>
/// The latency benchmark (benchmarks/LogPipeline.QueryApi.Benchmarks) on a small data set, so it keeps working:
/// it seeds DynamoDB Local, resumes from what is kept, checks the Query API counts every seeded log, and every
/// scenario answers 200. Its timings are not asserted here; the figures come from full runs (README).
/// </summary>
public sealed class LatencyBenchmarkTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task TheBenchmarkSeedsKeepsItsDataAndMeasuresEveryEndpointWithoutErrors()
    {
        var work = Directory.CreateTempSubdirectory("queryapi-benchmark-").FullName;
        try
        {
            string[] dataSet = ["--Items", "3000", "--Hours", "2", "--Partitions", "3", "--DataDirectory", Path.Combine(work, "data")];
            var seeding = await RunAsync([.. dataSet, "--SeedOnly", "true"]);
            Assert.True(seeding.ExitCode == 0, seeding.Output);
            Assert.Contains("Seeded 3000 logs", seeding.Output, StringComparison.Ordinal);

            var output = Path.Combine(work, "results");
            var measuring = await RunAsync([.. dataSet, "--Requests", "8", "--WarmUp", "2", "--Output", output]);
            Assert.True(measuring.ExitCode == 0, measuring.Output);
            Assert.Contains("Data set complete: 3000 logs", measuring.Output, StringComparison.Ordinal);
            Assert.Contains("Verified through the Query API: 3,000 logs", measuring.Output, StringComparison.Ordinal);

            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json")));
            var scenarios = results.RootElement.GetProperty("Scenarios").EnumerateArray().ToList();
            Assert.Equal(11, scenarios.Count);
            foreach (var scenario in scenarios)
            {
                var name = scenario.GetProperty("Name").GetString();
                var latency = scenario.GetProperty("Latency");
                Assert.True(scenario.GetProperty("Errors").GetInt32() == 0, $"{name}: {scenario.GetProperty("FirstError")}");
                Assert.Equal(8, latency.GetProperty("Count").GetInt32());
                Assert.InRange(latency.GetProperty("P50").GetDouble(), 0.01, latency.GetProperty("P99").GetDouble());
            }

            Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(output, "latency.svg")), StringComparison.Ordinal);
            Assert.Contains("| log by id |", await File.ReadAllTextAsync(Path.Combine(output, "results.md")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var configuration = typeof(LatencyBenchmarkTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var harness = Path.Combine(RepoRoot(), "benchmarks", "LogPipeline.QueryApi.Benchmarks", "bin", configuration, "net10.0", "LogPipeline.QueryApi.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet", [harness, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The benchmark did not finish within {Timeout}: {await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogPipeline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (LogPipeline.slnx) not found");
    }
}
