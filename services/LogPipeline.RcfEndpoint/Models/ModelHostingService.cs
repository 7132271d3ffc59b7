using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>
/// Loads the models before the server takes requests, then (with a state directory) snapshots changed models every
/// <see cref="RcfOptions.SnapshotInterval"/> and once more at graceful shutdown, after the server stopped taking requests.
/// </summary>
sealed class ModelHostingService(
    ModelRegistry registry,
    ModelSnapshotStore snapshots,
    IOptions<RcfOptions> options,
    TimeProvider timeProvider,
    ILogger<ModelHostingService> logger) : BackgroundService
{
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        registry.Load();
        return base.StartAsync(cancellationToken);
    }

    // The host may stop its services more than once (WebApplicationFactory and the app's own Run both do): every
    // caller waits for the one final snapshot, and nothing is written after the first stop completed.
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SnapshotChangedModelsAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!snapshots.IsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SnapshotInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SnapshotChangedModelsAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SnapshotChangedModelsAsync(CancellationToken cancellationToken)
    {
        foreach (var model in registry.List())
        {
            try
            {
                await snapshots.SaveAsync(model, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Keep serving: the model stays marked as changed and the next round tries again.
                RcfEndpointLog.SnapshotFailed(logger, model.Name, e);
            }
        }
    }
}
