using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.Kafka;

/// <summary>
/// Builds Confluent.Kafka configurations from the keys Aspire.Confluent.Kafka reads:
/// <c>ConnectionStrings:{name}</c> for the bootstrap servers and
/// <c>Aspire:Confluent:Kafka:Producer:Config:*</c> / <c>Aspire:Confluent:Kafka:Consumer:Config:*</c> passed through
/// as librdkafka properties (e.g. <c>...:Config:security.protocol</c> or <c>...:Config:SecurityProtocol</c>).
/// </summary>
public static class KafkaClientConfiguration
{
    public const string ProducerSection = "Aspire:Confluent:Kafka:Producer";
    public const string ConsumerSection = "Aspire:Confluent:Kafka:Consumer";

    public static ProducerConfig CreateProducerConfig(IConfiguration configuration, string connectionName)
    {
        var config = new ProducerConfig
        {
            // Durable by default: every in-sync replica acknowledges, retries never duplicate or reorder.
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
            // Back within a second of a broker's return (librdkafka's default backs off up to 10 s).
            ReconnectBackoffMaxMs = 1_000,
        };
        Apply(config, configuration, connectionName, ProducerSection);
        return config;
    }

    public static ConsumerConfig CreateConsumerConfig(IConfiguration configuration, string connectionName, string groupId)
    {
        var config = new ConsumerConfig
        {
            GroupId = groupId,
            // Offsets are committed by the application only after the batch they cover is durably handled.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // The broker's smallest session (group.min.session.timeout.ms, 6 s by default, on MSK too; librdkafka's
            // default is 45 s): a stage that dies hands its partitions over within ~6 s, and a broker outage longer than
            // the session ends with a group that forgot the old member ids before the broker returns, instead of one that
            // holds the rejoining consumers back until the stale members time out.
            SessionTimeoutMs = 6_000,
            HeartbeatIntervalMs = 2_000,
            ReconnectBackoffMaxMs = 1_000,
        };
        Apply(config, configuration, connectionName, ConsumerSection);
        return config;
    }

    public static AdminClientConfig CreateAdminConfig(IConfiguration configuration, string connectionName)
    {
        var config = new AdminClientConfig();
        Apply(config, configuration, connectionName, ProducerSection);
        return config;
    }

    public static string GetBootstrapServers(IConfiguration configuration, string connectionName) =>
        configuration.GetConnectionString(connectionName) is { Length: > 0 } servers
            ? servers
            : throw new InvalidOperationException(
                $"No Kafka connection string: set ConnectionStrings:{connectionName} (environment variable ConnectionStrings__{connectionName}) to the bootstrap servers.");

    static void Apply(ClientConfig config, IConfiguration configuration, string connectionName, string section)
    {
        config.BootstrapServers = GetBootstrapServers(configuration, connectionName);
        foreach (var entry in configuration.GetSection(section + ":Config").AsEnumerable(makePathsRelative: true))
        {
            if (entry.Value is null)
            {
                continue;
            }

            config.Set(ToLibrdkafkaName(entry.Key), entry.Value);
        }
    }

    /// <summary>Accepts both librdkafka names (<c>security.protocol</c>) and Confluent's property names (<c>SecurityProtocol</c>).</summary>
    static string ToLibrdkafkaName(string key)
    {
        if (key.Contains('.') || key.All(c => !char.IsUpper(c)))
        {
            return key;
        }

        var name = new System.Text.StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            if (char.IsUpper(key[i]) && i > 0)
            {
                name.Append('.');
            }

            name.Append(char.ToLowerInvariant(key[i]));
        }

        return name.ToString();
    }
}
