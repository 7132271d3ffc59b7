using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LogPipeline.QueryApi.Benchmarks.Dataset;
using LogPipeline.QueryApi.Benchmarks.Load;
using LogPipeline.QueryApi.Benchmarks.Reporting;
using LogPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogPipeline.QueryApi.Benchmarks;

/// <summary>
/// Starts DynamoDB Local (data kept between runs) and the Query API as a small Aspire app, as the app host would, fills the database with
/// the planned data set if it is not complete yet, then measures each scenario over HTTP and writes the results.
/// </summary>
static class Program
{
    const string ApiKey = "benchmark-key-0123456789";

    static async Task<int> Main(string[] args)
    {
        var options = HarnessOptions.Parse(args);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }));
        var logger = loggers.CreateLogger("LogPipeline.QueryApi.Benchmarks");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var storage = new StorageOptions();
        var dataDirectory = options.ResolveDataDirectory();
        var plan = DatasetPlan.LoadOrCreate(dataDirectory, options, storage.RetentionDays, TimeProvider.System, m => logger.LogWarning("{Message}", m));
        logger.LogInformation("Data set: {Items:N0} logs, {Hours} h from {Start:u}, kept in {Directory}", plan.Items, plan.Hours, DateTimeOffset.FromUnixTimeMilliseconds(plan.StartMs), dataDirectory);

        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });
        // The harness reports through its own logger; Aspire's orchestration chatter would bury it.
        builder.Services.AddLogging(logging => logging.AddFilter("Aspire", LogLevel.Warning));
        var dynamodb = builder.AddDynamoDBLocal("dynamodb");
        if (!options.InMemory)
        {
            dynamodb.WithDataDirectory(Path.Combine(dataDirectory, "dynamodb"));
        }

        // No launch profile (its fixed port may be taken by a running app host) and no proxy in front: the API itself is measured.
        var queryApi = builder.AddProject<Projects.LogPipeline_QueryApi>("queryapi", launchProfileName: null)
            .WithHttpEndpoint(port: FreeLoopbackPort(), isProxied: false)
            .WithReference(dynamodb).WaitFor(dynamodb)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("DOTNET_ENVIRONMENT", "Production")
            .WithEnvironment("Pipeline__QueryApi__ApiKeys__0", ApiKey)
            // Latency is measured, not the per-key rate limit (300 requests per 10 s by default).
            .WithEnvironment("Pipeline__QueryApi__RateLimit__PermitLimit", "1000000")
            .WithEnvironment("Logging__LogLevel__Default", "Warning")
            .WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
        startTimeout.CancelAfter(TimeSpan.FromMinutes(5));
        await app.StartAsync(startTimeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", startTimeout.Token);

        using var dynamo = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = await dynamodb.Resource.ServiceUrl.GetValueAsync(startTimeout.Token),
            AuthenticationRegion = "us-east-1",
        });
        await TableProvisioner.EnsureTablesAsync(dynamo, storage, logger, cancel.Token);
        using (var meters = new ServiceCollection().AddMetrics().BuildServiceProvider())
        {
            var seeder = new DatasetSeeder(dynamo, storage, plan, meters.GetRequiredService<IMeterFactory>(), logger);
            await seeder.SeedAsync(options.SeedConcurrency, cancel.Token);
        }

        if (options.SeedOnly)
        {
            await app.StopAsync();
            return 0;
        }

        await app.ResourceNotifications.WaitForResourceHealthyAsync("queryapi", startTimeout.Token);
        using var http = new HttpClient { BaseAddress = new Uri(queryApi.GetEndpoint("http").Url), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        if (!await VerifyAsync(http, plan, logger, cancel.Token))
        {
            return 2;
        }

        var runner = new LoadRunner(http, options.WarmUp, options.Requests, options.Concurrency, TimeSpan.FromSeconds(options.MaxSecondsPerScenario), options.Seed);
        var results = new List<ScenarioResult>();
        foreach (var scenario in await Scenarios.CreateAsync(plan, http, cancel.Token))
        {
            if (options.Filter is { } filter && !scenario.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var result = await runner.RunAsync(scenario, cancel.Token);
            logger.LogInformation("{Scenario}: p50 {P50:F1} ms, p99 {P99:F1} ms, {Rate:F0} req/s over {Count} requests, {Errors} errors",
                scenario.Name, result.Latency.P50, result.Latency.P99, result.RequestsPerSecond, result.Latency.Count, result.Errors);
            if (result.FirstError is { } error)
            {
                logger.LogError("{Scenario}: {Error}", scenario.Name, error);
            }

            results.Add(result);
        }

        await app.StopAsync();
        ResultsReport.Write(options.Output, plan, options, results);
        Console.WriteLine();
        Console.WriteLine(ResultsReport.Markdown(plan, options, results));
        Console.WriteLine($"Results: {Path.GetFullPath(options.Output)} (results.md, results.json, latency.svg)");
        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Query API's own summary of the whole span must count exactly the planned logs, anomalies among them.</summary>
    static async Task<bool> VerifyAsync(HttpClient http, DatasetPlan plan, ILogger logger, CancellationToken cancellationToken)
    {
        using var summary = JsonDocument.Parse(await http.GetStringAsync($"/api/stats/summary?from={plan.StartMs}&to={plan.EndMs - 1}", cancellationToken));
        var total = summary.RootElement.GetProperty("total").GetInt64();
        var anomalies = summary.RootElement.GetProperty("anomalies").GetInt64();
        if (total != plan.Items)
        {
            logger.LogError("The Query API counts {Total:N0} logs in the data set's span, not {Items:N0}: the data set is incomplete or was changed", total, plan.Items);
            return false;
        }

        logger.LogInformation("Verified through the Query API: {Total:N0} logs in the span, {Anomalies:N0} flagged anomalous ({Rate:P2})", total, anomalies, (double)anomalies / total);
        return true;
    }
}
