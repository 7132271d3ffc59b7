using LogPipeline.Contracts;
using LogPipeline.Writer;

namespace Microsoft.Extensions.Hosting;

public static class WriterHostingExtensions
{
    /// <summary>
    /// The Kafka side of the writer: consumer group <c>Pipeline:Writer:ConsumerGroup</c> on
    /// <c>Pipeline:Topics:Scored</c>, a producer for dead letters, the batch handler and the worker (with its
    /// health check). Needs <see cref="StorageHostingExtensions.AddLogBatchWriter"/>.
    /// </summary>
    public static IHostApplicationBuilder AddScoredLogWriter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
        builder.Services.AddOptions<RecordValidationOptions>().BindConfiguration(RecordValidationOptions.SectionName);
        builder.Services.AddOptions<WriterOptions>()
            .BindConfiguration(WriterOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConsumerGroup), "Pipeline:Writer:ConsumerGroup must be set.")
            .Validate(o => o.BatchSize >= 1, "Pipeline:Writer:BatchSize must be at least 1.")
            .ValidateOnStart();

        var group = builder.Configuration[WriterOptions.SectionName + ":ConsumerGroup"] is { Length: > 0 } configured ? configured : new WriterOptions().ConsumerGroup;
        builder.AddStageKafkaClients("kafka", group, "writer");
        builder.Services.AddSingleton<ScoredLogBatchHandler>();
        builder.AddBatchConsumerWorker<ScoredLogWriterWorker>("writer");
        return builder;
    }
}
