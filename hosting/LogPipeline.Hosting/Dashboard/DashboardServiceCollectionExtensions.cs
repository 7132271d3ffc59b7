using LogPipeline.Hosting.Dashboard.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Hosting.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The pipeline view's monitor (needs the telemetry stores and the resource notifications).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions());
        services.AddSingleton<PipelineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineMonitor>());
        return services;
    }
}
