using Confluent.Kafka;
using LogPipeline.Kafka.Msk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka;

/// <summary>
/// Builds Kafka clients of raw bytes from <see cref="KafkaClientConfiguration"/> with the conventions every service
/// shares: librdkafka's logs and errors in the host's log, partition assignments logged, MSK IAM when configured.
/// </summary>
public static class KafkaClientFactory
{
    public static IConsumer<byte[]?, byte[]?> CreateConsumer(
        IConfiguration configuration, string connectionName, string groupId, ILoggerFactory loggers, Action<ConsumerConfig>? configure = null)
    {
        var config = KafkaClientConfiguration.CreateConsumerConfig(configuration, connectionName, groupId);
        configure?.Invoke(config);
        var logger = loggers.CreateLogger("LogPipeline.Kafka.Consumer");
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .SetErrorHandler((_, e) => KafkaLog.Error(logger, e))
            .SetPartitionsAssignedHandler((_, partitions) => KafkaLog.Assigned(logger, string.Join(", ", partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => KafkaLog.Revoked(logger, string.Join(", ", partitions)))
            .UseMskIamAuthentication(config, configuration, logger)
            .Build();
    }

    public static IAdminClient CreateAdminClient(IConfiguration configuration, string connectionName, ILoggerFactory loggers)
    {
        var config = KafkaClientConfiguration.CreateAdminConfig(configuration, connectionName);
        var logger = loggers.CreateLogger("LogPipeline.Kafka.Admin");
        return new AdminClientBuilder(config)
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .SetErrorHandler((_, e) => KafkaLog.Error(logger, e))
            .UseMskIamAuthentication(config, configuration, logger)
            .Build();
    }
}
