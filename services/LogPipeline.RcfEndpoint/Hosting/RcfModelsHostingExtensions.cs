using LogPipeline.RcfEndpoint.Invocations;
using LogPipeline.RcfEndpoint.Models;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Hosting;

public static class RcfModelsHostingExtensions
{
    /// <summary>
    /// The models (from <c>Pipeline:Rcf</c>), their snapshots, the invoker with its telemetry, and the "models" health check.
    /// </summary>
    public static IHostApplicationBuilder AddRcfModels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RcfOptions>().BindConfiguration(RcfOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RcfOptions>, RcfOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelSnapshotStore>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddHostedService<ModelHostingService>();
        builder.Services.AddSingleton<RcfEndpointMetrics>();
        builder.Services.AddSingleton<ModelInvoker>();
        builder.Services.AddHealthChecks().AddCheck<ModelsHealthCheck>("models", tags: ["ready"]);
        return builder;
    }
}
