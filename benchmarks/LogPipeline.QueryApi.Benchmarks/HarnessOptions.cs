using LogPipeline.Hosting.DynamoDBLocal;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.QueryApi.Benchmarks;

/// <summary>Command-line settings (<c>--Items 1000000 --Requests 500</c>), bound by standard .NET configuration.</summary>
sealed class HarnessOptions
{
    /// <summary>Logs in the data set.</summary>
    public int Items { get; set; } = 1_000_000;

    /// <summary>Event-time span of the data set, ending at the hour it was created.</summary>
    public int Hours { get; set; } = 24;

    /// <summary>Topic partitions the data is written as; partitions are seeded in parallel, each its own time slice.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Partitions written at once while seeding.</summary>
    public int SeedConcurrency { get; set; } = 4;

    public int Seed { get; set; } = 7;

    /// <summary>Measured requests per scenario.</summary>
    public int Requests { get; set; } = 500;

    /// <summary>Unmeasured requests per scenario first (JIT, connection pool, DynamoDB Local's caches).</summary>
    public int WarmUp { get; set; } = 25;

    /// <summary>Requests in flight at once. 1 measures latency alone; more measures it under load.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>A scenario stops early after this long (slow scenarios then report fewer samples).</summary>
    public int MaxSecondsPerScenario { get; set; } = 120;

    /// <summary>Where DynamoDB Local keeps the data set between runs. Default: the user cache.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Keep DynamoDB Local in memory: nothing is kept, so the data set is seeded on every run.</summary>
    public bool InMemory { get; set; }

    /// <summary>Where results.md, results.json and latency.svg go.</summary>
    public string Output { get; set; } = "BenchmarkDotNet.Artifacts/queryapi";

    /// <summary>Only make sure the data set is complete.</summary>
    public bool SeedOnly { get; set; }

    /// <summary>Run only the scenarios whose name contains this text.</summary>
    public string? Filter { get; set; }

    public static HarnessOptions Parse(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<HarnessOptions>() ?? new HarnessOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Items, options.Partitions, "--Items");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Hours, 1, "--Hours");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Partitions, 1, "--Partitions");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Requests, 1, "--Requests");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1, "--Concurrency");
        return options;
    }

    public string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory);
        }

        return Path.Combine(DynamoDBLocalInstaller.CacheDirectory, "benchmarks", $"queryapi-{Items}-{Hours}h-seed{Seed}");
    }
}
