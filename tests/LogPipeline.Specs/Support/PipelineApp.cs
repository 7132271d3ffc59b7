using System.Net.Http.Headers;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace LogPipeline.Specs.Support;

/// <summary>
/// The whole system, started once per test run on Aspire's test host exactly as AppHost.cs composes it, with this
/// run's Query API key; every scenario drives it through its public surfaces.
/// </summary>
public sealed class PipelineApp : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The rate of the generator's background traffic, in logs per second.</summary>
    public const int BackgroundRate = 20;

    /// <summary>
    /// How long a stage may leave a batch uncommitted before it reports Unhealthy: shorter than the services' 30 s
    /// default (Pipeline:Consumer:StuckThreshold), so that a stuck stage shows without making the run much longer.
    /// </summary>
    public static readonly TimeSpan StuckThreshold = TimeSpan.FromSeconds(15);

    public static readonly string[] Resources = ["dynamodb", "generator", "kafka", "pipeline", "queryapi", "rcf", "scorer", "writer"];

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

    public string KafkaBootstrapServers =>
        App.GetConnectionStringAsync("kafka").AsTask().WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult()
        ?? throw new InvalidOperationException("Kafka has no connection string.");

    public static async Task<PipelineApp> StartAsync()
    {
        var apiKey = "specs-" + Guid.NewGuid().ToString("N");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LogPipeline_AppHost>(
            [
                $"--Pipeline:Generator:RatePerSecond={BackgroundRate}",
                $"--Pipeline:Consumer:StuckThreshold={StuckThreshold:c}",

                // The scenarios read every log they sent back by id: far more than the 300 requests per 10 s a key may make.
                "--Pipeline:QueryApi:RateLimit:PermitLimit=1000000",
                "--Ports:Fixed=false",
                "--ResourceList:Url=http://127.0.0.1:0",
                $"--Parameters:queryapi-key={apiKey}",
            ],
            timeout.Token).WaitAsync(timeout.Token);
        var app = await builder.BuildAsync(timeout.Token).WaitAsync(timeout.Token);
        var pipeline = new PipelineApp(app, apiKey);
        try
        {
            await app.StartAsync(timeout.Token).WaitAsync(timeout.Token);
            await pipeline.WaitUntilHealthyAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            var description = pipeline.Describe();
            await pipeline.DisposeAsync();
            throw new InvalidOperationException("The app did not become healthy:\n" + description, ex);
        }

        return pipeline;
    }

    public Task WaitUntilHealthyAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Resources.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken)));

    /// <summary>The resource's current state as Aspire's orchestrator reports it.</summary>
    public CustomResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current)
            ? current.Snapshot
            : throw new InvalidOperationException($"Unknown resource {resource}.");

    /// <summary>The operating-system process of an executable or project resource.</summary>
    public int ProcessId(string resource) =>
        Snapshot(resource).Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{resource} has no process.");

    /// <summary>The service's own <c>/health</c> report: overall status and each check's status and description.</summary>
    public async Task<JsonElement> HealthReportAsync(string resource, CancellationToken cancellationToken = default)
    {
        using var client = Client(resource, TimeSpan.FromSeconds(10));
        using var response = await client.GetAsync("/health", cancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

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

    /// <summary>Every resource's state and health, for a failing scenario's output.</summary>
    public string Describe(int lines = 15) =>
        string.Join("\n", Resources.Select(name => App.ResourceNotifications.TryGetCurrentState(name, out var e)
            ? $"{name}: {e.Snapshot.State?.Text}/{e.Snapshot.HealthStatus} exit {e.Snapshot.ExitCode}"
            : $"{name}: no state"));

    public async ValueTask DisposeAsync()
    {
        _generator?.Dispose();
        _scorer?.Dispose();
        _query?.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await App.StopAsync(timeout.Token).WaitAsync(timeout.Token);
        }
        finally
        {
            await App.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    HttpClient Client(string resource, TimeSpan timeout)
    {
        var client = App.CreateHttpClient(resource);
        client.Timeout = timeout;
        return client;
    }
}
