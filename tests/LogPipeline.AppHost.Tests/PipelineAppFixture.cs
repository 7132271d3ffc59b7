using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LogPipeline.Hosting.ResourceList;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.AppHost.Tests;

/// <summary>Starts the whole app once per test class on Aspire's test host, exactly as AppHost.cs composes it.</summary>
public class PipelineAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public const string QueryApiKey = "apphost-tests-key-0123456789";

    /// <summary>Shorter than the default 2 minutes, so that archived objects appear within a test's time.</summary>
    public static readonly TimeSpan ArchiverBufferInterval = TimeSpan.FromSeconds(10);

    public static readonly string[] ResourceNames = ["archive", "archiver", "dynamodb", "generator", "kafka", "pipeline", "queryapi", "rcf", "s3", "scorer", "writer"];

    DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LogPipeline_AppHost>(
            [
                "--Pipeline:Generator:RatePerSecond=50",
                $"--Pipeline:Archiver:BufferInterval={ArchiverBufferInterval}",
                "--Ports:Fixed=false",
                "--ResourceList:Url=http://127.0.0.1:0",
                $"--Parameters:queryapi-key={QueryApiKey}",
                .. AppHostArguments,
            ],
            timeout.Token).WaitAsync(timeout.Token);
        _app = await builder.BuildAsync(timeout.Token).WaitAsync(timeout.Token);
        await _app.StartAsync(timeout.Token).WaitAsync(timeout.Token);
        try
        {
            await Task.WhenAll(ResourceNames.Select(name => _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token))).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            throw new InvalidOperationException("The app did not become healthy in time:\n" + Describe(_app), ex);
        }
    }

    /// <summary>More app host settings (command-line form) for a fixture that composes the app differently.</summary>
    protected virtual IEnumerable<string> AppHostArguments => [];

    public HttpClient CreateQueryApiClient()
    {
        var client = App.CreateHttpClient("queryapi");
        client.DefaultRequestHeaders.Add("X-Api-Key", QueryApiKey);
        return client;
    }

    public Task<Uri> ResourceListAddress => App.Services.GetRequiredService<ResourceListServer>().Address;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await _app.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    public static string Describe(DistributedApplication app) =>
        string.Join("\n", ResourceNames.Select(name => app.ResourceNotifications.TryGetCurrentState(name, out var e)
            ? $"{name}: {e.Snapshot.State?.Text}/{e.Snapshot.HealthStatus}"
            : $"{name}: no state"));
}
