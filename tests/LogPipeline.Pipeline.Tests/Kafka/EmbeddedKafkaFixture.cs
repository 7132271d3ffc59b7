using Confluent.Kafka;
using LogPipeline.Hosting.Kafka;

namespace LogPipeline.Pipeline.Tests.Kafka;

/// <summary>One embedded Kafka broker (librdkafka's mock cluster: the real wire protocol) per test class.</summary>
public sealed class EmbeddedKafkaFixture : IDisposable
{
    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start();

    public string BootstrapServers => Cluster.BootstrapServers;

    public string NewTopic(int partitions = 3)
    {
        var topic = "t-" + Guid.NewGuid().ToString("N")[..10];
        Cluster.CreateTopic(topic, partitions);
        return topic;
    }

    public IProducer<byte[]?, byte[]?> CreateProducer() =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = BootstrapServers, Acks = Acks.All, EnableIdempotence = true }).Build();

    public IConsumer<byte[]?, byte[]?> CreateConsumer(string group) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 6000,
        }).Build();

    public void Produce(string topic, int count, string prefix = "m")
    {
        using var producer = CreateProducer();
        for (var i = 0; i < count; i++)
        {
            producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = System.Text.Encoding.UTF8.GetBytes($"{prefix}{i}"), Value = System.Text.Encoding.UTF8.GetBytes($"{prefix}{i}") });
        }

        producer.Flush(TimeSpan.FromSeconds(10));
    }

    public long CommittedCount(string topic, string group, int partitions)
    {
        using var consumer = CreateConsumer(group);
        var offsets = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return offsets.Sum(o => o.Offset.Value < 0 ? 0 : o.Offset.Value);
    }

    public void Dispose() => Cluster.Dispose();
}
