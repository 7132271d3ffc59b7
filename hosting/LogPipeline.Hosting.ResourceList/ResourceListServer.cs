using System.Collections.Concurrent;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Hosting.ResourceList;

/// <summary>
/// Keeps the latest snapshot of every resource from Aspire's <see cref="ResourceNotificationService"/> and serves
/// them as JSON at <c>GET /api/resources</c> on a loopback address, for scripts and tests that cannot speak the
/// dashboard's gRPC resource service.
/// </summary>
public sealed partial class ResourceListServer(ResourceNotificationService notifications, ResourceListOptions options, ILogger<ResourceListServer> logger)
    : BackgroundService
{
    /// <summary>The snapshot property in which Aspire's orchestrator reports a process id.</summary>
    const string ProcessIdProperty = "executable.pid";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    WebApplication? _app;

    /// <summary>The address it listens on, once it does (a configured port 0 becomes a real one).</summary>
    public Task<Uri> Address => _address.Task;

    public async Task<IReadOnlyList<ResourceListEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<ResourceListEntry>(_latest.Count);
        foreach (var (id, @event) in _latest.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            entries.Add(await ToEntryAsync(id, @event, cancellationToken).ConfigureAwait(false));
        }

        return entries;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        _app = builder.Build();
        _app.MapGet("/api/resources", async (CancellationToken ct) => Results.Json(new { resources = await ListAsync(ct).ConfigureAwait(false) }, Json));
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        LogListening(logger, new Uri(address, "/api/resources"));
        _address.TrySetResult(address);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var @event in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                if (@event.Snapshot.IsHidden)
                {
                    _latest.TryRemove(@event.ResourceId, out _);
                }
                else
                {
                    _latest[@event.ResourceId] = @event;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    static async Task<ResourceListEntry> ToEntryAsync(string id, ResourceEvent @event, CancellationToken cancellationToken)
    {
        var snapshot = @event.Snapshot;
        string? connectionString = null;
        if (@event.Resource is IResourceWithConnectionString withConnectionString)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                connectionString = await withConnectionString.GetConnectionStringAsync(timeout.Token).ConfigureAwait(false) is { } value
                    ? SecretMasking.MaskConnectionString(value)
                    : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not known yet (the resource has not started).
            }
        }

        var endpoints = new Dictionary<string, string>();
        foreach (var url in snapshot.Urls)
        {
            // Scheme, host and port only: a launch URL's path is not the endpoint, and a query may carry a token.
            if (!url.IsInternal && url.Name is { } name && Uri.TryCreate(url.Url, UriKind.Absolute, out var uri))
            {
                endpoints.TryAdd(name, uri.GetLeftPart(UriPartial.Authority));
            }
        }

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in snapshot.EnvironmentVariables)
        {
            if (variable.IsFromSpec && variable.Value is { } value)
            {
                environment[variable.Name] = SecretMasking.IsSecretName(variable.Name) ? SecretMasking.Mask : value;
            }
        }

        var state = snapshot.State?.Text ?? "Unknown";
        return new ResourceListEntry
        {
            Name = @event.Resource.Name,
            Id = id,
            Type = snapshot.ResourceType,
            State = state,
            Health = snapshot.HealthStatus?.ToString()
                ?? (state == KnownResourceStates.Running && !@event.Resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _) ? "Healthy" : "Unknown"),
            StartedAt = snapshot.StartTimeStamp,
            StoppedAt = snapshot.StopTimeStamp,
            ExitCode = snapshot.ExitCode,
            ProcessId = snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value is { } pid
                && int.TryParse(pid.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var processId) ? processId : null,
            Endpoints = endpoints,
            ConnectionString = connectionString,
            Environment = environment,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resource list (JSON): {Url}")]
    static partial void LogListening(ILogger logger, Uri url);
}
