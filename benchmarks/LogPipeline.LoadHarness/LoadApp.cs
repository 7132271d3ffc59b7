using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogPipeline.LoadHarness;

/// <summary>
/// The whole app as AppHost.cs composes it, hosted in this process on Aspire's test host (the embedded broker runs
/// here too): free ports, the generator paused until the harness sets a rate, a Query API key of this run's own and a
/// rate limit high enough for polling marked records. Built in the harness's configuration (Release by default).
/// </summary>
public sealed class LoadApp : IAsyncDisposable
{
    public static readonly string[] ResourceNames = ["archive", "archiver", "dynamodb", "generator", "kafka", "pipeline", "queryapi", "rcf", "s3", "scorer", "writer"];

    // Generous: on a shared 2-core machine the services may answer their first health checks only after minutes.
    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);
    static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);

    readonly DistributedApplication _app;

    LoadApp(DistributedApplication app, string apiKey, string kafkaBootstrap)
    {
        _app = app;
        ApiKey = apiKey;
        KafkaBootstrap = kafkaBootstrap;
    }

    public string ApiKey { get; }

    public string KafkaBootstrap { get; }

    public static async Task<LoadApp> StartAsync(TextWriter log, IReadOnlyList<string> appHostSettings, CancellationToken cancellationToken)
    {
        var apiKey = "load-harness-" + Guid.NewGuid().ToString("N");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LogPipeline_AppHost>(
            [
                "--Pipeline:Generator:RatePerSecond=0",
                // Marked records are polled one request each, many times a second: far more than a key's default 300 per 10 s.
                "--Pipeline:QueryApi:RateLimit:PermitLimit=100000000",
                "--Ports:Fixed=false",
                // DynamoDB Local's one SQLite thread waits behind the services' threads on two cores; first in line, the
                // writer stores 3.5-4x more (README, "End to end under load"). --set DynamoDBLocal:Niceness=0 compares.
                $"--{DynamoDBLocalBuilderExtensions.NicenessSetting}=-10",
                "--ResourceList:Url=http://127.0.0.1:0",
                $"--Parameters:queryapi-key={apiKey}",
                .. appHostSettings.Select(setting => "--" + setting),
            ],
            timeout.Token).WaitAsync(timeout.Token);
        // The harness prints its own progress: the resources' console logs and the health checks failing while they start are noise here.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("LogPipeline.AppHost.Resources", LogLevel.None));
        var app = await builder.BuildAsync(timeout.Token).WaitAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token).WaitAsync(timeout.Token);
            await Task.WhenAll(ResourceNames.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)))
                .WaitAsync(timeout.Token);
            var kafka = await app.GetConnectionStringAsync("kafka", timeout.Token).AsTask().WaitAsync(timeout.Token)
                ?? throw new InvalidOperationException("The kafka resource has no connection string.");
            log.WriteLine($"app healthy: {string.Join(", ", ResourceNames)}; kafka at {kafka}");
            return new LoadApp(app, apiKey, kafka);
        }
        catch
        {
            await StopAsync(app);
            throw;
        }
    }

    public HttpClient CreateClient(string resource)
    {
        var client = _app.CreateHttpClient(resource);
        client.Timeout = HttpTimeout;
        return client;
    }

    public HttpClient CreateQueryClient()
    {
        var client = CreateClient("queryapi");
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>The process id of each resource that runs as a process of its own (projects and executables), as Aspire reports it.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds()
    {
        var pids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in ResourceNames)
        {
            if (_app.ResourceNotifications.TryGetCurrentState(name, out var state)
                && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
                && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                pids[name] = pid;
            }
        }

        return pids;
    }

    /// <summary>
    /// Each project resource's folder: its processes run from <c>folder/bin/…</c>, which finds them by command line
    /// too (replicas of a resource have pids of their own).
    /// </summary>
    public IReadOnlyDictionary<string, string> ProjectDirectories() =>
        _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>()
            .ToDictionary(p => p.Name, p => Path.GetDirectoryName(p.GetProjectMetadata().ProjectPath)!, StringComparer.Ordinal);

    public ValueTask DisposeAsync() => new(StopAsync(_app));

    static async Task StopAsync(DistributedApplication app)
    {
        try
        {
            await app.StopAsync().WaitAsync(StopTimeout);
        }
        finally
        {
            await app.DisposeAsync().AsTask().WaitAsync(StopTimeout);
        }
    }
}
