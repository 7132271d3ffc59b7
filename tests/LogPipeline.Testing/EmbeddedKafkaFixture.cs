using System.Text;
using Confluent.Kafka;
using LogPipeline.Hosting.Kafka;
using LogPipeline.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Testing;

/// <summary>
/// One embedded Kafka broker (librdkafka's mock cluster, <see cref="EmbeddedKafkaCluster"/>: the real wire protocol
/// on 127.0.0.1) with the clients and helpers tests need. Per test class (<c>IClassFixture</c>) or per test.
/// </summary>
public sealed class EmbeddedKafkaFixture : IDisposable
{
    static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);

    readonly Lazy<IProducer<byte[]?, byte[]?>> _sharedProducer;

    public EmbeddedKafkaFixture() => _sharedProducer = new(CreateProducer);

    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start();

    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>A topic with a fresh name, so tests sharing the broker do not see each other's messages.</summary>
    public string NewTopic(int partitions = 3)
    {
        var topic = "t-" + Guid.NewGuid().ToString("N")[..10];
        Cluster.CreateTopic(topic, partitions);
        return topic;
    }

    public IProducer<byte[]?, byte[]?> CreateProducer() =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 1,
        }).Build();

    /// <summary>A consumer of <paramref name="group"/> from the earliest offset that commits only when told to.</summary>
    public IConsumer<byte[]?, byte[]?> CreateConsumer(string group) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 6000,
        }).Build();

    /// <summary>Produces <paramref name="count"/> messages keyed and valued <c>{prefix}{i}</c> and waits until all are delivered.</summary>
    public void Produce(string topic, int count, string prefix = "m")
    {
        using var producer = CreateProducer();
        for (var i = 0; i < count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes($"{prefix}{i}");
            producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = bytes, Value = bytes });
        }

        if (producer.Flush(ClientTimeout) > 0)
        {
            throw new TimeoutException($"Messages to {topic} were not delivered within {ClientTimeout}.");
        }
    }

    /// <summary>A publisher to a new single-partition dead-letter topic, on a producer shared by the fixture's users.</summary>
    public DeadLetterPublisher DeadLetters(string stage = "test", int maxMessageBytes = DeadLetterPublisher.DefaultMaxMessageBytes) =>
        new(_sharedProducer.Value, NewTopic(1), stage, NullLogger<DeadLetterPublisher>.Instance, maxMessageBytes);

    /// <summary>Consumes <paramref name="count"/> messages of <paramref name="topic"/> from its start, or what arrived by <paramref name="timeout"/>.</summary>
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

    /// <summary>The sum of <paramref name="group"/>'s committed offsets over the topic's partitions.</summary>
    public long CommittedCount(string topic, string group, int partitions)
    {
        using var consumer = CreateConsumer(group);
        var offsets = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), ClientTimeout);
        return offsets.Sum(o => o.Offset.Value < 0 ? 0 : o.Offset.Value);
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
