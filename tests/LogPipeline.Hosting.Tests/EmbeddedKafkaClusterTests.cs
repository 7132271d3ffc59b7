using Confluent.Kafka;
using LogPipeline.Hosting.Kafka;

namespace LogPipeline.Hosting.Tests;

/// <summary>librdkafka's mock cluster on its own, as tests and the app host use it: real clients, real wire protocol.</summary>
public class EmbeddedKafkaClusterTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ARealKafkaClientProducesAndConsumesThroughTheEmbeddedBroker()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("orders", partitions: 3);
        Assert.StartsWith("127.0.0.1:", cluster.BootstrapServers, StringComparison.Ordinal);

        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        for (var i = 0; i < 10; i++)
        {
            await producer.ProduceAsync("orders", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }).WaitAsync(Timeout);
        }

        using var consumer = Consumer(cluster, "test");
        consumer.Subscribe("orders");
        var values = ConsumeUntil(consumer, read => read.Count == 10);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"v{i}").ToHashSet(), values.ToHashSet());
    }

    [Fact]
    public void CreatedTopicsHaveTheirPartitionCountInTheBrokersMetadata()
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokerCount: 3);
        cluster.CreateTopic("orders", partitions: 6, replicationFactor: 3);
        cluster.CreateTopic("audit", partitions: 1);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(Timeout);

        Assert.Equal(3, metadata.Brokers.Count);
        var orders = Assert.Single(metadata.Topics, t => t.Topic == "orders");
        Assert.Equal(6, orders.Partitions.Count);
        Assert.All(orders.Partitions, p => Assert.Equal(3, p.Replicas.Length));
        Assert.Single(Assert.Single(metadata.Topics, t => t.Topic == "audit").Partitions);
    }

    [Fact]
    public async Task ABrokerTakenDownHoldsDeliveryAndClientsResumeWhenItComesBack()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("events", partitions: 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, MessageTimeoutMs = 60000 }).Build();
        using var consumer = Consumer(cluster, "events-reader");
        consumer.Subscribe("events");
        await producer.ProduceAsync("events", new Message<Null, string> { Value = "before" }).WaitAsync(Timeout);
        Assert.Equal(["before"], ConsumeUntil(consumer, read => read.Count == 1));

        cluster.SetBrokerDown();
        Assert.True(cluster.IsDown);
        var pending = producer.ProduceAsync("events", new Message<Null, string> { Value = "during" });
        // Nothing may be delivered while the broker is down: the consumer sees nothing for a while, the producer waits.
        Assert.Empty(ConsumeFor(consumer, TimeSpan.FromSeconds(2)));
        Assert.False(pending.IsCompleted, "a message was delivered while the broker was down");

        cluster.SetBrokerUp();
        Assert.False(cluster.IsDown);
        var delivered = await pending.WaitAsync(Timeout);
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        Assert.Equal(["during"], ConsumeUntil(consumer, read => read.Count == 1));
    }

    static IConsumer<Ignore, string> Consumer(EmbeddedKafkaCluster cluster, string group) =>
        new ConsumerBuilder<Ignore, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();

    /// <summary>Consumes until <paramref name="done"/> holds for what was read; fails after <see cref="Timeout"/>.</summary>
    static List<string> ConsumeUntil(IConsumer<Ignore, string> consumer, Func<List<string>, bool> done)
    {
        var read = new List<string>();
        var deadline = DateTime.UtcNow + Timeout;
        while (!done(read))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after reading {read.Count} messages.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                read.Add(result.Message.Value);
            }
        }

        return read;
    }

    static List<string> ConsumeFor(IConsumer<Ignore, string> consumer, TimeSpan duration)
    {
        var read = new List<string>();
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                read.Add(result.Message.Value);
            }
        }

        return read;
    }
}
