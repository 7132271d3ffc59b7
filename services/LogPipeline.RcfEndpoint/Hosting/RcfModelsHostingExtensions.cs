using LogPipeline.RcfEndpoint.Admin;
using LogPipeline.RcfEndpoint.Invocations;
using LogPipeline.RcfEndpoint.Models;
using LogPipeline.Security;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Hosting;

public static class RcfModelsHostingExtensions
{
    /// <summary>
    /// The models (from <c>Pipeline:Rcf</c>), the admin API's access and limits (<c>Pipeline:Rcf:Admin</c>), their snapshots, the invoker with its telemetry, and the "models" health check.
    /// </summary>
    public static IHostApplicationBuilder AddRcfModels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RcfOptions>().BindConfiguration(RcfOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<RcfAdminOptions>().BindConfiguration(RcfAdminOptions.SectionName)
            .Validate(o => o.MaxModels >= 1 && o.MaxTrees >= 1 && o.MaxSampleSize >= 1 && o.MaxDimensions >= 1, $"{RcfAdminOptions.SectionName}:MaxModels, :MaxTrees, :MaxSampleSize and :MaxDimensions must be at least 1.")
            .Validate(o => ApiKeySet.AreLongEnough(o.ApiKeys), $"Every {RcfAdminOptions.SectionName}:ApiKeys entry must be at least {ApiKeySet.MinKeyLength} characters.")
            .ValidateOnStart();
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
