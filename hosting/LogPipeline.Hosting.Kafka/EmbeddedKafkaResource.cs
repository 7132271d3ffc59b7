using LogPipeline.Hosting.Kafka;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A Kafka cluster for the app: librdkafka's mock cluster hosted in the app host process (the real Kafka wire
/// protocol on loopback, in memory), or the external cluster given to the app host as <c>ConnectionStrings:{name}</c>.
/// Published, the connection string is a parameter the deployer sets to the real bootstrap servers (e.g. MSK).
/// </summary>
public sealed class EmbeddedKafkaResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    readonly TaskCompletionSource<string> _bootstrapServers = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bootstrap servers of an external cluster the app host was given; null runs the embedded one.</summary>
    public string? ExternalBootstrapServers { get; init; }

    /// <summary>Published only: the parameter that carries the real cluster's bootstrap servers.</summary>
    public ParameterResource? PublishedBootstrapServers { get; init; }

    public bool IsEmbedded => ExternalBootstrapServers is null && PublishedBootstrapServers is null;

    /// <summary>The running mock cluster (for fault injection: broker down/up, latency); null until started or when external.</summary>
    public EmbeddedKafkaCluster? Cluster { get; private set; }

    public IList<EmbeddedKafkaTopic> Topics { get; } = [];

    public ReferenceExpression ConnectionStringExpression =>
        PublishedBootstrapServers is { } parameter ? ReferenceExpression.Create($"{parameter}")
        : ExternalBootstrapServers is { } external ? ReferenceExpression.Create($"{external}")
        : ReferenceExpression.Create($"{new EmbeddedKafkaBootstrapServers(this)}");

    internal Task<string> BootstrapServersAsync => _bootstrapServers.Task;

    internal void Started(EmbeddedKafkaCluster cluster)
    {
        Cluster = cluster;
        _bootstrapServers.TrySetResult(cluster.BootstrapServers);
    }
}
