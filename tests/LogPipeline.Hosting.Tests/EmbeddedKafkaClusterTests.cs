using Confluent.Kafka;
using LogPipeline.Hosting.Kafka;

namespace LogPipeline.Hosting.Tests;

public class EmbeddedKafkaClusterTests
{
    [Fact]
    public async Task ARealKafkaClientProducesAndConsumesThroughTheEmbeddedBroker()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("orders", partitions: 3);
        Assert.StartsWith("127.0.0.1:", cluster.BootstrapServers, StringComparison.Ordinal);

        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        for (var i = 0; i < 10; i++)
        {
            await producer.ProduceAsync("orders", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" });
        }

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "test",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("orders");
        var values = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (values.Count < 10 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromSeconds(1)) is { } result)
            {
                values.Add(result.Message.Value);
            }
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"v{i}").ToHashSet(), values);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        Assert.Equal(3, admin.GetMetadata("orders", TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count);
    }

    [Fact]
    public async Task ABrokerTakenDownRefusesDeliveryUntilItComesBack()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("events", partitions: 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, MessageTimeoutMs = 60000 }).Build();
        await producer.ProduceAsync("events", new Message<Null, string> { Value = "before" });

        cluster.SetBrokerDown();
        var pending = producer.ProduceAsync("events", new Message<Null, string> { Value = "during" });
        await Task.WhenAny(pending, Task.Delay(1500));
        Assert.False(pending.IsCompleted, "a message was delivered while the broker was down");

        cluster.SetBrokerUp();
        var delivered = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
    }
}
