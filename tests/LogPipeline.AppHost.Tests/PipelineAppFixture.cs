using LogPipeline.Hosting;
using LogPipeline.Hosting.Orchestration;
using LogPipeline.Hosting.Testing;

namespace LogPipeline.AppHost.Tests;

/// <summary>Starts the whole app once per test class through the test entry point, exactly as AppHost.cs composes it.</summary>
public sealed class PipelineAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create<Program>(
            "--Pipeline:Generator:RatePerSecond=50");
        _app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        try
        {
            foreach (var resource in _app.Resources)
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            throw new InvalidOperationException("The app did not become healthy:\n" + Describe(_app), ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public static string Describe(DistributedApplication app) =>
        string.Join("\n", app.ResourceNotifications.Snapshots.Select(s =>
            $"{s.Name}: {s.State}/{s.Health} {s.Message}\n    " +
            string.Join("\n    ", app.ResourceLogs.Tail(s.Name, 15).Select(l => l.Text))));
}
