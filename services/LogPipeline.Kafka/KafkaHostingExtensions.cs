using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using LogPipeline.Kafka.Msk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers Kafka clients the way Aspire.Confluent.Kafka does, from the same configuration keys.</summary>
public static class KafkaHostingExtensions
{
    /// <summary>Registers a singleton <see cref="IProducer{TKey,TValue}"/> of raw bytes for connection <paramref name="connectionName"/>.</summary>
    public static IHostApplicationBuilder AddKafkaProducer(this IHostApplicationBuilder builder, string connectionName, Action<ProducerConfig>? configure = null)
    {
        builder.Services.AddSingleton(sp =>
        {
            var config = KafkaClientConfiguration.CreateProducerConfig(builder.Configuration, connectionName);
            configure?.Invoke(config);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("LogPipeline.Kafka.Producer");
            KafkaLog.NativeVersion(logger, Library.VersionString);
            return new ProducerBuilder<byte[]?, byte[]?>(config)
                .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
                .SetErrorHandler((_, e) => KafkaLog.Error(logger, e))
                .UseMskIamAuthentication(config, builder.Configuration, logger)
                .Build();
        });
        return builder;
    }

    /// <summary>Registers a singleton <see cref="IConsumer{TKey,TValue}"/> of raw bytes in consumer group <paramref name="groupId"/>.</summary>
    public static IHostApplicationBuilder AddKafkaConsumer(this IHostApplicationBuilder builder, string connectionName, string groupId, Action<ConsumerConfig>? configure = null)
    {
        builder.Services.AddSingleton(sp =>
            KafkaClientFactory.CreateConsumer(builder.Configuration, connectionName, groupId, sp.GetRequiredService<ILoggerFactory>(), configure));
        return builder;
    }

    /// <summary>
    /// The Kafka clients of a pipeline stage that consumes in group <paramref name="groupId"/> and sends the records it
    /// cannot process to the dead-letter topic: the consumer, one producer, a <see cref="BatchProducer"/> on it, and a
    /// <see cref="DeadLetterPublisher"/> that names <paramref name="stage"/> in its headers.
    /// </summary>
    public static IHostApplicationBuilder AddStageKafkaClients(this IHostApplicationBuilder builder, string connectionName, string groupId, string stage)
    {
        builder.AddKafkaConsumer(connectionName, groupId);
        builder.AddKafkaProducer(connectionName);
        builder.Services.AddSingleton(sp => new BatchProducer(sp.GetRequiredService<IProducer<byte[]?, byte[]?>>()));
        builder.Services.AddSingleton(sp => new DeadLetterPublisher(
            sp.GetRequiredService<IProducer<byte[]?, byte[]?>>(),
            sp.GetRequiredService<IOptions<TopicOptions>>().Value.DeadLetter,
            stage,
            sp.GetRequiredService<ILogger<DeadLetterPublisher>>()));
        return builder;
    }

    /// <summary>
    /// Runs <typeparamref name="TWorker"/> as a hosted service with a health check that reports its state, and binds the
    /// <c>Pipeline:Consumer</c> retry and isolation settings it receives as <c>IOptions&lt;BatchConsumerOptions&gt;</c>.
    /// </summary>
    public static IHostApplicationBuilder AddBatchConsumerWorker<TWorker>(this IHostApplicationBuilder builder, string healthCheckName)
        where TWorker : BatchConsumerWorker
    {
        builder.Services.AddOptions<BatchConsumerOptions>()
            .BindConfiguration(BatchConsumerOptions.SectionName)
            .Validate(o => o.MaxAttemptsBeforeIsolation >= 1, BatchConsumerOptions.SectionName + ":MaxAttemptsBeforeIsolation must be at least 1.")
            .Validate(o => o.StuckThreshold > TimeSpan.Zero, BatchConsumerOptions.SectionName + ":StuckThreshold must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TWorker>());
        builder.Services.AddHealthChecks().AddCheck<WorkerHealthCheck<TWorker>>(healthCheckName, HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }
}
