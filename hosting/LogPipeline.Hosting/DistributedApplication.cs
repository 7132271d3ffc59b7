using System.Reflection;
using LogPipeline.Hosting.ApplicationModel;
using LogPipeline.Hosting.Dashboard;
using LogPipeline.Hosting.Orchestration;
using LogPipeline.Hosting.Publishing;
using LogPipeline.Hosting.Telemetry;
using LogPipeline.Hosting.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Hosting;

/// <summary>
/// The running app: the orchestrator of every resource and the dashboard, hosted together. Ctrl+C or SIGTERM stops
/// the host, which stops every child process before it exits.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    public const string DefaultDashboardUrl = "http://localhost:18888";

    readonly DistributedApplicationBuilder _builder;
    readonly WebApplication _host;

    internal DistributedApplication(DistributedApplicationBuilder builder, string[] args)
    {
        _builder = builder;
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ApplicationName = "LogPipeline.AppHost" });
        web.Configuration.AddConfiguration(builder.Configuration);
        web.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        web.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        web.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var dashboardUrl = builder.Configuration["Dashboard:Url"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? DefaultDashboardUrl;
        web.WebHost.UseUrls(dashboardUrl);
        web.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var options = new OrchestratorOptions
        {
            Configuration = builder.AppHostAssembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
            EchoConsole = builder.Configuration.GetValue("AppHost:EchoConsole", true),
            WaitForHealthyOnStart = builder.Configuration.GetValue("AppHost:WaitForHealthyOnStart", false),
            OtlpEndpoint = builder.Configuration["AppHost:OtlpEndpoint"],
        };
        web.Services.AddSingleton(options);
        web.Services.AddSingleton<IReadOnlyList<IResource>>(builder.Resources.ToArray());
        web.Services.AddSingleton<ResourceNotificationService>();
        web.Services.AddSingleton<ResourceLogStore>();

        // Before the orchestrator: the OTLP receiver must listen before the first process starts.
        web.Services.AddDashboardTelemetry(builder.Configuration, dashboardUrl);
        web.Services.AddDashboard(builder.Configuration);
        web.Services.AddSingleton<Orchestrator>();
        web.Services.AddHostedService(sp => sp.GetRequiredService<Orchestrator>());
        _host = web.Build();
        _host.MapDashboard();
    }

    public IServiceProvider Services => _host.Services;

    public IReadOnlyList<IResource> Resources => _builder.Resources.ToArray();

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLogStore ResourceLogs => Services.GetRequiredService<ResourceLogStore>();

    public Orchestrator Orchestrator => Services.GetRequiredService<Orchestrator>();

    /// <summary>The dashboard's address once started.</summary>
    public Uri DashboardUrl => new(_host.Urls.First().Replace("[::]", "localhost", StringComparison.Ordinal));

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(args, DistributedApplicationTestingHook.AppHostAssembly ?? Assembly.GetEntryAssembly());

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (_builder.ExecutionContext.IsPublishMode)
        {
            var path = Path.GetFullPath(_builder.ExecutionContext.ManifestPath!);
            await ManifestPublisher.WriteAsync(_builder.Resources, path, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Wrote the Aspire manifest to {path}");
            return;
        }

        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Dashboard: {DashboardUrl}   (resources as JSON: {DashboardUrl}api/resources; Ctrl+C stops everything)");
        await _host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public T GetResource<T>(string name) where T : IResource =>
        _builder.Resources.OfType<T>().FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"No {typeof(T).Name} named {name}.");

    public Uri GetEndpoint(string resourceName, string endpointName = "http")
    {
        var resource = _builder.Resources.FirstOrDefault(r => r.Name == resourceName) ?? throw new InvalidOperationException($"Unknown resource {resourceName}.");
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == endpointName)
            ?? throw new InvalidOperationException($"{resourceName} has no endpoint {endpointName}.");
        return new Uri(endpoint.Url);
    }

    public string? GetConnectionString(string resourceName) =>
        GetResource<IResourceWithConnectionString>(resourceName).ConnectionString;

    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    internal static string AppHostDirectory(Assembly? assembly) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value
        ?? Directory.GetCurrentDirectory();
}
