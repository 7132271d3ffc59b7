using Confluent.Kafka;
using LogPipeline.Hosting.Kafka;

namespace LogPipeline.Storage.Tests.Infrastructure;

/// <summary>
/// The hosting engine's embedded Kafka (librdkafka's in-memory mock cluster: the real Kafka protocol on 127.0.0.1),
/// with the helpers these tests need.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();

    public string BootstrapServers => _cluster.BootstrapServers;

    public IProducer<byte[]?, byte[]?> CreateProducer() =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = BootstrapServers, LingerMs = 1 }).Build();

    public IConsumer<byte[]?, byte[]?> CreateConsumer(string group) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();

    /// <summary>Consumes <paramref name="count"/> messages of <paramref name="topic"/> from the start, or fails after the timeout.</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> ConsumeAll(string topic, int count, TimeSpan timeout)
    {
        using var consumer = CreateConsumer("reader-" + Guid.NewGuid().ToString("N"));
        consumer.Subscribe(topic);
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                results.Add(result);
            }
        }

        consumer.Close();
        return results;
    }

    public void Dispose() => _cluster.Dispose();
}
