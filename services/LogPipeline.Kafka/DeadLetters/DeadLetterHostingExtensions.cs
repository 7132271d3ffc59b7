using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using LogPipeline.Kafka.DeadLetters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the dead-letter reader and, with <c>redrive</c>, the re-driver, on the <c>kafka</c> connection.</summary>
public static class DeadLetterHostingExtensions
{
    /// <summary>The group id the reader's consumers carry; they never join it nor commit (partitions are assigned).</summary>
    public const string ReaderGroup = "deadletter-reader";

    public static IHostApplicationBuilder AddDeadLetterReader(this IHostApplicationBuilder builder, string connectionName = "kafka")
    {
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
        builder.Services.TryAddSingleton(sp => KafkaClientFactory.CreateAdminClient(builder.Configuration, connectionName, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.TryAddSingleton(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return new DeadLetterTopicReader(
                () => KafkaClientFactory.CreateConsumer(builder.Configuration, connectionName, ReaderGroup, loggers, c => c.EnablePartitionEof = true),
                sp.GetRequiredService<IAdminClient>(),
                sp.GetRequiredService<IOptions<TopicOptions>>().Value.DeadLetter);
        });
        return builder;
    }

    public static IHostApplicationBuilder AddDeadLetterRedriver(this IHostApplicationBuilder builder, string connectionName = "kafka")
    {
        builder.AddDeadLetterReader(connectionName);
        builder.Services.AddOptions<RecordValidationOptions>().BindConfiguration(RecordValidationOptions.SectionName);
        if (!builder.Services.Any(s => s.ServiceType == typeof(IProducer<byte[]?, byte[]?>)))
        {
            builder.AddKafkaProducer(connectionName);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new DeadLetterRedriver(
            sp.GetRequiredService<DeadLetterTopicReader>(),
            sp.GetRequiredService<IProducer<byte[]?, byte[]?>>(),
            sp.GetRequiredService<IOptions<TopicOptions>>().Value.Raw,
            new LogRecordRules(sp.GetRequiredService<IOptions<RecordValidationOptions>>().Value),
            sp.GetRequiredService<IRedriveLedger>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
