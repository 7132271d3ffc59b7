using System.Net;
using LogPipeline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// Listens for OTLP on its own ports (HTTP/1.1 for OTLP/HTTP, HTTP/2 cleartext for OTLP/gRPC), apart from the
/// dashboard's, and points every project the orchestrator starts at it. Registered before the orchestrator so the
/// address is known before the first process starts.
/// </summary>
public sealed partial class OtlpReceiver(
    OtlpReceiverOptions options,
    OtlpIngestor ingestor,
    OrchestratorOptions orchestratorOptions,
    ILogger<OtlpReceiver> logger) : IHostedService, IAsyncDisposable
{
    WebApplication? _app;

    /// <summary>The OTLP/HTTP address once listening (what services get as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public Uri? HttpEndpoint { get; private set; }

    /// <summary>The OTLP/gRPC address once listening.</summary>
    public Uri? GrpcEndpoint { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var http = new Uri(options.HttpUrl ?? OtlpReceiverOptions.DefaultHttpUrl);
        var grpc = new Uri(options.GrpcUrl ?? OtlpReceiverOptions.DefaultGrpcUrl);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "LogPipeline.AppHost.Otlp" });
        builder.Services.AddRoutingCore();
        ListenOptions? httpListen = null, grpcListen = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            httpListen = Listen(kestrel, http, HttpProtocols.Http1);
            grpcListen = Listen(kestrel, grpc, HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.MapOtlpHttp(ingestor);
        app.MapOtlpGrpc(ingestor);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Another app host (or collector) holds the port: run without telemetry rather than not at all.
            LogCannotListen(logger, http, grpc, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        HttpEndpoint = Bound(http, httpListen);
        GrpcEndpoint = Bound(grpc, grpcListen);
        orchestratorOptions.OtlpEndpoint ??= HttpEndpoint.ToString().TrimEnd('/');
        LogListening(logger, HttpEndpoint, GrpcEndpoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    static ListenOptions Listen(KestrelServerOptions kestrel, Uri url, HttpProtocols protocols)
    {
        ListenOptions? result = null;
        void Configure(ListenOptions o)
        {
            o.Protocols = protocols;
            result = o;
        }

        if (url.IsLoopback && url.Port != 0 && url.Host == "localhost")
        {
            // Both 127.0.0.1 and [::1]; Kestrel keeps the options of the IPv4 one last.
            kestrel.ListenLocalhost(url.Port, Configure);
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, url.Port, Configure);
        }
        else if (url.Host is "localhost")
        {
            kestrel.Listen(IPAddress.Loopback, url.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(url.Port, Configure);
        }

        return result!;
    }

    /// <summary>The address services should use: the configured one, with the port Kestrel chose when it was 0.</summary>
    static Uri Bound(Uri configured, ListenOptions? listen)
    {
        var port = listen?.IPEndPoint?.Port is > 0 and var p ? p : configured.Port;
        var host = configured.Host is "localhost" or "0.0.0.0" or "[::]" or "+" or "*" ? "127.0.0.1" : configured.Host;
        return new UriBuilder(configured.Scheme, host, port).Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiving OTLP/HTTP on {Http} and OTLP/gRPC on {Grpc}")]
    static partial void LogListening(ILogger logger, Uri http, Uri grpc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot listen for OTLP on {Http} / {Grpc} ({Reason}): the dashboard shows no telemetry")]
    static partial void LogCannotListen(ILogger logger, Uri http, Uri grpc, string reason);
}
