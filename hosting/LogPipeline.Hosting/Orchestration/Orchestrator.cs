using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LogPipeline.Hosting.ApplicationModel;
using LogPipeline.Hosting.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Hosting.Orchestration;

/// <summary>
/// Starts every resource once the resources it waits for are healthy, watches health, captures console output,
/// and stops everything (children first, gracefully) when the app host stops.
/// </summary>
public sealed partial class Orchestrator(
    IReadOnlyList<IResource> resources,
    ResourceNotificationService notifications,
    ResourceLogStore logs,
    OrchestratorOptions options,
    IServiceProvider services,
    ILogger<Orchestrator> logger) : IHostedService
{
    /// <summary>The message of a resource paused by <see cref="PauseResourceAsync"/>.</summary>
    public const string PausedMessage = "paused";

    static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    readonly ConcurrentDictionary<string, RunningResource> _running = new();
    readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        AllocatePorts();
        foreach (var resource in resources)
        {
            notifications.Register(new ResourceSnapshot
            {
                Name = resource.Name,
                Type = TypeOf(resource),
                Endpoints = Endpoints(resource),
                References = resource.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Target.Name).Distinct().ToArray(),
            });
        }

        foreach (var resource in resources)
        {
            _ = StartResourceCoreAsync(resource, _stopping.Token);
        }

        if (options.WaitForHealthyOnStart)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            linked.CancelAfter(options.StartTimeout);
            await Task.WhenAll(resources.Select(r => notifications.WaitForResourceHealthyAsync(r.Name, linked.Token))).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Stop in reverse start order: services before the infrastructure they flush to.
        foreach (var resource in resources.Reverse())
        {
            await StopResourceAsync(resource.Name).ConfigureAwait(false);
        }
    }

    public async Task StopResourceAsync(string name)
    {
        if (!_running.TryRemove(name, out var running))
        {
            return;
        }

        notifications.Publish(name, s => s with { State = ResourceState.Stopping });
        await running.Health.CancelAsync().ConfigureAwait(false);
        if (running.Process is not null)
        {
            await running.Process.StopAsync(options.StopGracePeriod).ConfigureAwait(false);
        }

        running.Embedded?.Dispose();
        notifications.Publish(name, s => s with
        {
            State = ResourceState.Exited,
            Health = HealthStatus.Unknown,
            StoppedAt = DateTimeOffset.UtcNow,
            ExitCode = running.Process?.Exited.IsCompletedSuccessfully == true ? running.Process.Exited.Result : s.ExitCode,
        });
    }

    public Task StartResourceAsync(string name)
    {
        var resource = resources.FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"Unknown resource {name}");
        if (_running.ContainsKey(name))
        {
            return Task.CompletedTask;
        }

        notifications.Publish(name, s => s with { Restarts = s.StartedAt is null ? s.Restarts : s.Restarts + 1 });
        return StartResourceCoreAsync(resource, _stopping.Token);
    }

    /// <summary>
    /// Freezes a running resource's process (SIGSTOP) without stopping it: it keeps its state (an in-memory database
    /// keeps its data) but answers nothing until <see cref="ResumeResourceAsync"/>. Its health turns unhealthy
    /// meanwhile, and its message says "paused".
    /// </summary>
    public Task PauseResourceAsync(string name)
    {
        var process = RunningProcess(name, "paused");
        if (!process.IsPaused)
        {
            process.Pause();
            notifications.Publish(name, s => s with { Message = PausedMessage });
            logs.Append(name, "paused (SIGSTOP)", isError: false);
        }

        return Task.CompletedTask;
    }

    /// <summary>Lets a resource paused by <see cref="PauseResourceAsync"/> run again (SIGCONT).</summary>
    public Task ResumeResourceAsync(string name)
    {
        var process = RunningProcess(name, "resumed");
        if (process.IsPaused)
        {
            process.Resume();
            notifications.Publish(name, s => s with { Message = s.Message == PausedMessage ? null : s.Message });
            logs.Append(name, "resumed (SIGCONT)", isError: false);
        }

        return Task.CompletedTask;
    }

    ManagedProcess RunningProcess(string name, string what)
    {
        _ = resources.FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"Unknown resource {name}");
        return _running.TryGetValue(name, out var running) && running.Process is { } process
            ? process
            : throw new InvalidOperationException($"Resource {name} has no running process to be {what}.");
    }

    public async Task RestartResourceAsync(string name)
    {
        await StopResourceAsync(name).ConfigureAwait(false);
        await StartResourceAsync(name).ConfigureAwait(false);
    }

    public KafkaServerResource? FindKafka(string name) => resources.OfType<KafkaServerResource>().FirstOrDefault(r => r.Name == name);

    async Task StartResourceCoreAsync(IResource resource, CancellationToken stopping)
    {
        try
        {
            var waits = resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToArray();
            if (waits.Length > 0)
            {
                notifications.Publish(resource.Name, s => s with { State = ResourceState.Waiting, Message = "waiting for " + string.Join(", ", waits) });
                await Task.WhenAll(waits.Select(w => notifications.WaitForResourceHealthyAsync(w, stopping))).ConfigureAwait(false);
            }

            notifications.Publish(resource.Name, s => s with { State = ResourceState.Starting, Message = null, ExitCode = null });
            var running = await LaunchAsync(resource, stopping).ConfigureAwait(false);
            _running[resource.Name] = running;
            notifications.Publish(resource.Name, s => s with
            {
                State = ResourceState.Running,
                StartedAt = DateTimeOffset.UtcNow,
                StoppedAt = null,
                ProcessId = running.Process?.Id,
                ConnectionString = (resource as IResourceWithConnectionString)?.ConnectionString,
                Environment = running.Environment,
            });
            LogStarted(logger, resource.Name, TypeOf(resource));
            if (running.Process is not null)
            {
                _ = WatchExitAsync(resource, running);
            }

            _ = WatchHealthAsync(resource, running, running.Health.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, resource.Name, ex.Message);
            logs.Append(resource.Name, "failed to start: " + ex.Message, isError: true);
            notifications.Publish(resource.Name, s => s with { State = ResourceState.FailedToStart, Message = ex.Message });
        }
    }

    async Task<RunningResource> LaunchAsync(IResource resource, CancellationToken stopping)
    {
        var env = EnvironmentBuilder.Build(resource, options.OtlpEndpoint);
        var masked = EnvironmentBuilder.Masked(resource, env);
        var args = resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToList();
        Action<string, bool>? echo = options.EchoConsole ? (line, isError) => Echo(resource.Name, line, isError) : null;
        switch (resource)
        {
            case KafkaServerResource kafka:
                return new RunningResource(null, await StartKafkaAsync(kafka, stopping).ConfigureAwait(false), masked);
            case DynamoDbResource { IsLocal: false }:
                return new RunningResource(null, null, masked);
            case DynamoDbResource dynamo:
                var jar = await DynamoDbLocalInstaller.EnsureInstalledAsync(logger, stopping).ConfigureAwait(false);
                var port = dynamo.Annotations.OfType<EndpointAnnotation>().First().Port!.Value;
                List<string> javaArgs = [$"-Djava.library.path={Path.GetDirectoryName(jar)}/DynamoDBLocal_lib", "-jar", jar, "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                if (dynamo.DataDirectory is { } data)
                {
                    Directory.CreateDirectory(data);
                    javaArgs.AddRange(["-dbPath", data, "-sharedDb"]);
                }
                else
                {
                    javaArgs.Add("-inMemory");
                }

                return new RunningResource(ManagedProcess.Start(resource.Name, "java", javaArgs, Path.GetDirectoryName(jar)!, env, logs, echo), null, masked);
            case ProjectResource project:
                var dll = ProjectOutput(project.ProjectPath);
                return new RunningResource(ManagedProcess.Start(resource.Name, "dotnet", [dll, .. args], Path.GetDirectoryName(project.ProjectPath)!, env, logs, echo), null, masked);
            case ExecutableResource executable:
                return new RunningResource(ManagedProcess.Start(resource.Name, executable.Command, args, executable.WorkingDirectory, env, logs, echo), null, masked);
            default:
                throw new NotSupportedException($"Resource type {resource.GetType().Name} cannot be started.");
        }
    }

    async Task<IDisposable?> StartKafkaAsync(KafkaServerResource kafka, CancellationToken stopping)
    {
        if (!kafka.IsEmbedded)
        {
            await CreateExternalTopicsAsync(kafka).ConfigureAwait(false);
            return null;
        }

        var cluster = EmbeddedKafkaCluster.Start(options.KafkaBrokers);
        foreach (var topic in kafka.Topics)
        {
            cluster.CreateTopic(topic.Name, topic.Partitions);
        }

        kafka.EmbeddedCluster = cluster;
        logs.Append(kafka.Name, $"embedded Kafka (librdkafka mock cluster) listening on {cluster.BootstrapServers}; topics: {string.Join(", ", kafka.Topics.Select(t => $"{t.Name}×{t.Partitions}"))}", isError: false);
        return cluster;
    }

    async Task CreateExternalTopicsAsync(KafkaServerResource kafka)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.ExternalBootstrapServers }).Build();
        try
        {
            await admin.CreateTopicsAsync(kafka.Topics.Select(t => new TopicSpecification { Name = t.Name, NumPartitions = t.Partitions, ReplicationFactor = -1 })).ConfigureAwait(false);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }
    }

    async Task WatchExitAsync(IResource resource, RunningResource running)
    {
        var exitCode = await running.Process!.Exited.ConfigureAwait(false);
        if (_running.TryGetValue(resource.Name, out var current) && ReferenceEquals(current, running))
        {
            _running.TryRemove(resource.Name, out _);
            await running.Health.CancelAsync().ConfigureAwait(false);
            LogExited(logger, exitCode == 0 ? LogLevel.Information : LogLevel.Warning, resource.Name, exitCode);
            notifications.Publish(resource.Name, s => s with { State = ResourceState.Exited, Health = HealthStatus.Unknown, ExitCode = exitCode, StoppedAt = DateTimeOffset.UtcNow });
        }
    }

    async Task WatchHealthAsync(IResource resource, RunningResource running, CancellationToken cancellationToken)
    {
        var ready = false;
        var delay = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            var healthy = await ProbeAsync(resource, cancellationToken).ConfigureAwait(false);
            if (healthy && !ready)
            {
                try
                {
                    foreach (var callback in resource.Annotations.OfType<ResourceReadyAnnotation>())
                    {
                        await callback.Callback(new ResourceReadyContext(resource, services, cancellationToken)).ConfigureAwait(false);
                    }

                    ready = true;
                    delay = options.HealthCheckInterval;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logs.Append(resource.Name, "ready callback failed: " + ex.Message, isError: true);
                    healthy = false;
                }
            }

            var status = healthy && ready ? HealthStatus.Healthy : HealthStatus.Unhealthy;
            if (notifications.Get(resource.Name)?.Health != status && !cancellationToken.IsCancellationRequested)
            {
                notifications.Publish(resource.Name, s => s.State == ResourceState.Running ? s with { Health = status } : s);
            }

            try
            {
                await Task.Delay(ready ? delay : TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    static async Task<bool> ProbeAsync(IResource resource, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var probe in resource.Annotations.OfType<HealthProbeAnnotation>())
            {
                if (!await probe.Probe(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            foreach (var check in resource.Annotations.OfType<HttpHealthCheckAnnotation>())
            {
                var endpoint = resource.Annotations.OfType<EndpointAnnotation>().First(e => e.Name == check.EndpointName);
                using var response = await HealthClient.GetAsync(endpoint.Url + check.Path, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    void AllocatePorts()
    {
        foreach (var endpoint in resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.Port ??= FreePort();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    string ProjectOutput(string projectPath)
    {
        var name = Path.GetFileNameWithoutExtension(projectPath);
        var dll = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", options.Configuration, "net10.0", name + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} does not exist: build the solution first (dotnet build -c {options.Configuration}).");
    }

    void Echo(string resource, string line, bool isError)
    {
        var prefix = $"[{resource}]".PadRight(options.EchoPrefixWidth);
        lock (Console.Out)
        {
            Console.ForegroundColor = ColorOf(resource);
            Console.Write(prefix);
            Console.ResetColor();
            (isError ? Console.Error : Console.Out).WriteLine(line);
        }
    }

    ConsoleColor ColorOf(string resource)
    {
        ConsoleColor[] palette = [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow, ConsoleColor.DarkGreen];
        var index = resources.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Name == resource).i;
        return palette[index % palette.Length];
    }

    static Dictionary<string, string> Endpoints(IResource resource) =>
        resource is DynamoDbResource { IsLocal: false } d
            ? new() { ["http"] = d.ExternalEndpoint! }
            : resource.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name, e => e.Url);

    internal static string TypeOf(IResource resource) => resource switch
    {
        KafkaServerResource k => k.IsEmbedded ? "kafka (embedded)" : "kafka (external)",
        DynamoDbResource d => d.IsLocal ? "dynamodb (local)" : "dynamodb (external)",
        ProjectResource => "project",
        ExecutableResource => "executable",
        _ => resource.GetType().Name,
    };

    sealed record RunningResource(ManagedProcess? Process, IDisposable? Embedded, IReadOnlyDictionary<string, string> Environment)
    {
        public CancellationTokenSource Health { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Resource} ({Type})")]
    static partial void LogStarted(ILogger logger, string resource, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} failed to start: {Reason}")]
    static partial void LogFailed(ILogger logger, string resource, string reason);

    [LoggerMessage(Message = "{Resource} exited with code {ExitCode}")]
    static partial void LogExited(ILogger logger, LogLevel level, string resource, int exitCode);
}
