using LogPipeline.Contracts;
using LogPipeline.Generator;
using LogPipeline.Generator.Api;
using LogPipeline.Generator.Generation;
using LogPipeline.Generator.Publishing;

namespace Microsoft.Extensions.Hosting;

public static class GeneratorHostingExtensions
{
    /// <summary>
    /// Registers the traffic model's rate loop, its control state and counters, and the publishers of the raw topic.
    /// Needs an <c>IProducer&lt;byte[]?, byte[]?&gt;</c> (<c>AddKafkaProducer</c>).
    /// </summary>
    public static IHostApplicationBuilder AddLogGenerator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GeneratorOptions>().BindConfiguration(GeneratorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GeneratorControl>();
        builder.Services.AddSingleton<GeneratorMetrics>();
        builder.Services.AddSingleton<LogPublisher>();
        builder.Services.AddSingleton<AcknowledgedPublisher>();
        builder.Services.AddSingleton<TrafficGenerator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrafficGenerator>());
        builder.Services.AddHealthChecks().AddCheck<TrafficGeneratorHealthCheck>("generator", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Request bodies that cannot be bound become 400 problem details naming the field (the framework otherwise
    /// answers a bare 400); unhandled errors become 500 problem details.
    /// </summary>
    public static IHostApplicationBuilder AddBadRequestProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }
}
