using Confluent.Kafka;

namespace LogPipeline.Storage.Tests.Infrastructure;

/// <summary>
/// librdkafka's in-memory mock Kafka cluster (real Kafka protocol on 127.0.0.1), hosted by a client created with
/// <c>test.mock.num.brokers</c>; other clients connect to <see cref="BootstrapServers"/>.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    const string Announcement = "replaced with ";

    readonly IProducer<Null, Null> _host;

    public MockKafkaCluster()
    {
        var bootstrap = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var config = new ProducerConfig { BootstrapServers = "unused:9092" };
        config.Set("test.mock.num.brokers", "1");
        _host = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, message) =>
            {
                var at = message.Message.IndexOf(Announcement, StringComparison.Ordinal);
                if (at >= 0)
                {
                    bootstrap.TrySetResult(message.Message[(at + Announcement.Length)..].Trim());
                }
            })
            .Build();
        BootstrapServers = bootstrap.Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
    }

    public string BootstrapServers { get; }

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

    public void Dispose() => _host.Dispose();
}
