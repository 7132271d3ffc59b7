using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The OTLP receiver and the bounded in-memory stores behind the dashboard's telemetry pages. Register before the
    /// orchestrator: the receiver must listen before the first process starts. When the dashboard listens on a port
    /// of 0 (tests), the OTLP ports default to 0 too, so parallel app hosts do not collide.
    /// </summary>
    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, IConfiguration configuration, string dashboardUrl)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = configuration.GetSection(OtlpReceiverOptions.Section).Get<OtlpReceiverOptions>() ?? new OtlpReceiverOptions();
        if (Uri.TryCreate(dashboardUrl.Split(';')[0], UriKind.Absolute, out var dashboard) && dashboard.Port == 0)
        {
            otlp.HttpUrl ??= $"http://{dashboard.Host}:0";
            otlp.GrpcUrl ??= $"http://{dashboard.Host}:0";
        }

        services.AddSingleton(telemetry);
        services.AddSingleton(otlp);
        services.AddSingleton<StructuredLogStore>();
        services.AddSingleton<TraceStore>();
        services.AddSingleton<MetricStore>();
        services.AddSingleton<OtlpIngestor>();
        services.AddSingleton<OtlpReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<OtlpReceiver>());
        return services;
    }
}
