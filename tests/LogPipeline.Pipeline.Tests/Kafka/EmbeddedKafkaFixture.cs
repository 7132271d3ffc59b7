using Confluent.Kafka;
using LogPipeline.Hosting.Kafka;
using LogPipeline.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Pipeline.Tests.Kafka;

/// <summary>One embedded Kafka broker (librdkafka's mock cluster: the real wire protocol) per test class.</summary>
public sealed class EmbeddedKafkaFixture : IDisposable
{
    readonly Lazy<IProducer<byte[]?, byte[]?>> _sharedProducer;

    public EmbeddedKafkaFixture() => _sharedProducer = new(CreateProducer);

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

    /// <summary>A publisher to a new single-partition dead-letter topic, on a producer shared by the class's tests.</summary>
    public DeadLetterPublisher DeadLetters(string stage = "test", int maxMessageBytes = DeadLetterPublisher.DefaultMaxMessageBytes) =>
        new(_sharedProducer.Value, NewTopic(1), stage, NullLogger<DeadLetterPublisher>.Instance, maxMessageBytes);

    /// <summary>Every message of a single-partition topic, from its start, waiting up to <paramref name="timeout"/> for <paramref name="count"/>.</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> ReadAll(string topic, int count, TimeSpan timeout)
    {
        using var consumer = CreateConsumer("reader-" + Guid.NewGuid().ToString("N"));
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    public void Dispose()
    {
        if (_sharedProducer.IsValueCreated)
        {
            _sharedProducer.Value.Dispose();
        }

        Cluster.Dispose();
    }
}
