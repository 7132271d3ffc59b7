using System.Net.Http.Headers;
using LogPipeline.Hosting;
using LogPipeline.Hosting.Orchestration;
using LogPipeline.Hosting.Testing;

namespace LogPipeline.Specs.Support;

/// <summary>
/// The whole system, started once per test run through the test entry point exactly as AppHost.cs composes it,
/// with API keys required by the Query API; every scenario drives it through its public surfaces.
/// </summary>
public sealed class PipelineApp : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The rate of the generator's background traffic, in logs per second.</summary>
    public const int BackgroundRate = 20;

    GeneratorClient? _generator;
    ScorerClient? _scorer;
    QueryApiClient? _query;

    PipelineApp(DistributedApplication app, string apiKey)
    {
        App = app;
        ApiKey = apiKey;
    }

    public DistributedApplication App { get; }

    /// <summary>The key the Query API accepts in <c>X-Api-Key</c> for this run.</summary>
    public string ApiKey { get; }

    // Created on first use: the endpoints' ports are allocated when the app starts.
    public GeneratorClient Generator => _generator ??= new GeneratorClient(Client("generator", TimeSpan.FromSeconds(90)));

    public ScorerClient Scorer => _scorer ??= new ScorerClient(Client("scorer", TimeSpan.FromSeconds(10)));

    public QueryApiClient Query => _query ??= new QueryApiClient(QueryHttpClient(withKey: true));

    public string KafkaBootstrapServers => App.GetConnectionString("kafka") ?? throw new InvalidOperationException("Kafka has no connection string.");

    public static async Task<PipelineApp> StartAsync()
    {
        var apiKey = "specs-" + Guid.NewGuid().ToString("N");
        var builder = DistributedApplicationTestingBuilder.Create<Program>(
            $"--Pipeline:Generator:RatePerSecond={BackgroundRate}",
            "--Pipeline:QueryApi:RequireApiKey=true",
            $"--Pipeline:QueryApi:ApiKeys:0={apiKey}");
        var app = builder.Build();
        var pipeline = new PipelineApp(app, apiKey);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        try
        {
            await pipeline.WaitUntilHealthyAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            var description = pipeline.Describe();
            await pipeline.DisposeAsync();
            throw new InvalidOperationException("The app did not become healthy:\n" + description, ex);
        }

        return pipeline;
    }

    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in App.Resources)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
        }
    }

    public ResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.Get(resource) ?? throw new InvalidOperationException($"Unknown resource {resource}.");

    /// <summary>A Query API client with or without this run's key.</summary>
    public HttpClient QueryHttpClient(bool withKey)
    {
        var client = Client("queryapi", TimeSpan.FromSeconds(15));
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Every resource's state and the tail of its console, for a failing scenario's output.</summary>
    public string Describe(int lines = 15) =>
        string.Join("\n", App.ResourceNotifications.Snapshots.Select(s =>
            $"{s.Name}: {s.State}/{s.Health} {s.Message}\n    " +
            string.Join("\n    ", App.ResourceLogs.Tail(s.Name, lines).Select(l => l.Text))));

    public async ValueTask DisposeAsync()
    {
        _generator?.Dispose();
        _scorer?.Dispose();
        _query?.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }

    HttpClient Client(string resource, TimeSpan timeout)
    {
        var client = App.CreateHttpClient(resource);
        client.Timeout = timeout;
        return client;
    }
}
