using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace LogPipeline.Specs.Support;

/// <summary>
/// The failures a scenario induced: each is undone after the scenario whatever happened, so that one failing
/// scenario does not leave the next with a broken system.
/// </summary>
public sealed class Outages(PipelineApp pipeline)
{
    static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    bool _brokerDown;
    int? _pausedDynamo;
    bool _rateChanged;
    readonly HashSet<string> _stopped = [];

    /// <summary>Changes the generator's background rate; it goes back to <see cref="PipelineApp.BackgroundRate"/> after the scenario.</summary>
    public async Task SetRateAsync(double perSecond)
    {
        _rateChanged = true;
        await pipeline.Generator.SetRateAsync(perSecond);
    }

    /// <summary>The embedded broker's dashboard command, as an operator would run it.</summary>
    public async Task BrokerDownAsync()
    {
        await ExecuteAsync("kafka", EmbeddedKafkaBuilderExtensions.BrokerDownCommand);
        _brokerDown = true;
    }

    public async Task BrokerUpAsync()
    {
        await ExecuteAsync("kafka", EmbeddedKafkaBuilderExtensions.BrokerUpCommand);
        _brokerDown = false;
    }

    /// <summary>Freezes DynamoDB Local's process (SIGSTOP): it accepts connections and answers nothing.</summary>
    public void PauseDynamoDB()
    {
        var pid = pipeline.ProcessId("dynamodb");
        ProcessSignals.Send(pid, ProcessSignals.Stop);
        _pausedDynamo = pid;
    }

    public void ResumeDynamoDB()
    {
        if (_pausedDynamo is { } pid)
        {
            ProcessSignals.Send(pid, ProcessSignals.Continue);
            _pausedDynamo = null;
        }
    }

    public async Task StopAsync(string resource)
    {
        _stopped.Add(resource);
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand);
    }

    /// <summary>Kills the resource's process hard (SIGKILL), as a crash would: no shutdown, no commit. The whole tree: a project runs under <c>dotnet run</c>, whose death alone leaves the service running.</summary>
    public void Kill(string resource)
    {
        var pid = pipeline.ProcessId(resource);
        _stopped.Add(resource);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
    }

    public async Task StartAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand);
        _stopped.Remove(resource);
    }

    /// <summary>Waits until Aspire's orchestrator has seen the resource's process end.</summary>
    public Task WaitUntilStoppedAsync(string resource, CancellationToken cancellationToken) =>
        pipeline.App.ResourceNotifications.WaitForResourceAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);

    /// <summary>Undoes whatever is still in effect and waits until every resource is healthy again.</summary>
    public async Task RestoreAsync()
    {
        if (_brokerDown)
        {
            await BrokerUpAsync();
        }

        ResumeDynamoDB();
        foreach (var resource in _stopped.ToArray())
        {
            // A killed process may not have been noticed yet: starting needs it to be seen as ended.
            using var ended = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await WaitUntilStoppedAsync(resource, ended.Token);
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

    async Task ExecuteAsync(string resource, string command)
    {
        var result = await pipeline.App.ResourceCommands.ExecuteCommandAsync(resource, command).WaitAsync(CommandTimeout);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }
}
