using LogPipeline.Contracts;
using LogPipeline.PipelineView;
using LogPipeline.PipelineView.Clients;
using LogPipeline.PipelineView.Kafka;
using LogPipeline.PipelineView.Scores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class PipelineViewHostingExtensions
{
    static readonly TimeSpan ServiceTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Options (<c>Pipeline:View</c>, <c>Pipeline:Topics</c>), the Kafka offset sampler (connection <c>kafka</c>) with
    /// its readiness check, the tail of the scored topic, the scorer's and generator's clients (service discovery),
    /// and the monitor that samples them all.
    /// </summary>
    public static IHostApplicationBuilder AddPipelineView(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
        builder.Services.AddOptions<PipelineViewOptions>()
            .BindConfiguration(PipelineViewOptions.SectionName)
            .Validate(o => o.WindowSeconds >= 1 && o.BucketMilliseconds >= 10 && o.WindowSeconds * 1000 >= o.BucketMilliseconds,
                "Pipeline:View:WindowSeconds must be at least 1 and at least one Pipeline:View:BucketMilliseconds (at least 10).")
            .Validate(o => o.LatestAnomalies >= 1, "Pipeline:View:LatestAnomalies must be at least 1.")
            .Validate(o => o.SampleInterval >= TimeSpan.FromMilliseconds(100), "Pipeline:View:SampleInterval must be at least 100 ms.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<KafkaOffsetSampler>();
        builder.Services.AddHealthChecks().AddCheck<KafkaMetadataHealthCheck>("kafka", tags: ["ready"]);
        builder.Services.AddSingleton<ScoreBoard>();
        builder.Services.AddSingleton<ScoredLogTail>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScoredLogTail>());
        builder.AddDeadLetterReader();
        builder.Services.AddSingleton<PipelineMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PipelineMonitor>());

        // Hosts resolve through service discovery (ServiceDefaults): services__scorer__http__0, services__generator__http__0.
        builder.Services.AddHttpClient<ScorerClient>(http => (http.BaseAddress, http.Timeout) = (ScorerClient.BaseAddress, ServiceTimeout));
        builder.Services.AddHttpClient<GeneratorClient>(http => (http.BaseAddress, http.Timeout) = (GeneratorClient.BaseAddress, ServiceTimeout));
        return builder;
    }
}
