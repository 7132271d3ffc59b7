using LogPipeline.Hosting.Kafka;

namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>
/// A Kafka cluster: the external one named by <c>ConnectionStrings:{name}</c> when configured, otherwise
/// librdkafka's mock cluster embedded in the app host process.
/// </summary>
public sealed class KafkaServerResource(string name, string? externalBootstrapServers)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string? ExternalBootstrapServers { get; } = externalBootstrapServers;

    public bool IsEmbedded => ExternalBootstrapServers is null;

    /// <summary>The embedded cluster while it runs (for fault injection in tests); null for an external Kafka.</summary>
    public EmbeddedKafkaCluster? EmbeddedCluster { get; internal set; }

    public string? ConnectionString => ExternalBootstrapServers ?? EmbeddedCluster?.BootstrapServers;

    public string ConnectionStringExpression => $"{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}";

    public List<KafkaTopic> Topics { get; } = [];
}

public sealed record KafkaTopic(string Name, int Partitions);
