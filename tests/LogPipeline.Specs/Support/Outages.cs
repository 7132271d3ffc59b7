using LogPipeline.Hosting.ApplicationModel;

namespace LogPipeline.Specs.Support;

/// <summary>
/// The failures a scenario induced: each is undone after the scenario whatever happened, so that one failing
/// scenario does not leave the next with a broken system.
/// </summary>
public sealed class Outages(PipelineApp pipeline)
{
    bool _brokerDown;
    bool _dynamoPaused;
    bool _rateChanged;
    readonly HashSet<string> _stopped = [];

    /// <summary>Changes the generator's background rate; it goes back to <see cref="PipelineApp.BackgroundRate"/> after the scenario.</summary>
    public async Task SetRateAsync(double perSecond)
    {
        _rateChanged = true;
        await pipeline.Generator.SetRateAsync(perSecond);
    }

    public void BrokerDown()
    {
        Cluster.SetBrokerDown();
        _brokerDown = true;
    }

    public void BrokerUp()
    {
        Cluster.SetBrokerUp();
        _brokerDown = false;
    }

    public async Task PauseAsync(string resource)
    {
        await pipeline.App.Orchestrator.PauseResourceAsync(resource);
        _dynamoPaused |= resource == "dynamodb";
    }

    public async Task ResumeAsync(string resource)
    {
        await pipeline.App.Orchestrator.ResumeResourceAsync(resource);
        _dynamoPaused &= resource != "dynamodb";
    }

    public async Task StopAsync(string resource)
    {
        _stopped.Add(resource);
        await pipeline.App.Orchestrator.StopResourceAsync(resource);
    }

    /// <summary>Kills the resource's process hard (SIGKILL), as a crash would: no shutdown, no commit.</summary>
    public void Kill(string resource)
    {
        var pid = pipeline.Snapshot(resource).ProcessId ?? throw new InvalidOperationException($"{resource} has no process.");
        _stopped.Add(resource);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
    }

    public async Task StartAsync(string resource)
    {
        await pipeline.App.Orchestrator.StartResourceAsync(resource);
        _stopped.Remove(resource);
    }

    /// <summary>Undoes whatever is still in effect and waits until every resource is healthy again.</summary>
    public async Task RestoreAsync()
    {
        if (_brokerDown)
        {
            BrokerUp();
        }

        if (_dynamoPaused)
        {
            await ResumeAsync("dynamodb");
        }

        foreach (var resource in _stopped.ToArray())
        {
            // A killed process may not have been noticed yet: starting needs it to be seen as exited.
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await pipeline.App.ResourceNotifications.WaitForAsync(resource, s => s.State is Hosting.Orchestration.ResourceState.Exited, exited.Token);
            await StartAsync(resource);
        }

        using var timeout = new CancellationTokenSource(PipelineApp.RecoveryTimeout);
        await pipeline.WaitUntilHealthyAsync(timeout.Token);
        if (_rateChanged)
        {
            await pipeline.Generator.SetRateAsync(PipelineApp.BackgroundRate);
            _rateChanged = false;
        }
    }

    Hosting.Kafka.EmbeddedKafkaCluster Cluster =>
        pipeline.App.GetResource<KafkaServerResource>("kafka").EmbeddedCluster
        ?? throw new InvalidOperationException("Kafka is not the embedded cluster: its broker cannot be taken down from here.");
}
