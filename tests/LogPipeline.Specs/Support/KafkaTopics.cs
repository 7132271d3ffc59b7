using Confluent.Kafka;
using LogPipeline.Contracts;

namespace LogPipeline.Specs.Support;

/// <summary>Real Kafka clients on the run's broker: reading <c>logs.dlq</c> and <c>logs.raw</c>, producing to <c>logs.raw</c>.</summary>
public static class KafkaTopics
{
    public const string Raw = Topics.Raw;
    public const string Scored = Topics.Scored;
    public const string DeadLetter = Topics.DeadLetter;

    /// <summary>
    /// Reads <paramref name="topic"/> from the beginning, in a consumer group of its own, until
    /// <paramref name="enough"/> holds for the messages that <paramref name="keep"/> selects.
    /// </summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> Read(
        string bootstrapServers, string topic, Func<ConsumeResult<byte[]?, byte[]?>, bool> keep,
        Func<IReadOnlyList<ConsumeResult<byte[]?, byte[]?>>, bool> enough, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "specs-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var kept = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (!enough(kept))
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s reading {topic}: {kept.Count} matching messages.");
                }

                var result = consumer.Consume(remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1));
                if (result is { IsPartitionEOF: false } && keep(result))
                {
                    kept.Add(result);
                }
            }
        }
        finally
        {
            consumer.Close();
        }

        return kept;
    }

    /// <summary>The message at one partition and offset of <paramref name="topic"/>.</summary>
    public static ConsumeResult<byte[]?, byte[]?> ReadAt(string bootstrapServers, string topic, int partition, long offset, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "specs-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, partition, offset));
        try
        {
            return consumer.Consume(timeout) is { IsPartitionEOF: false } result && result.Offset.Value == offset
                ? result
                : throw new TimeoutException($"{topic}[{partition}]@{offset} could not be read within {timeout.TotalSeconds:F0} s.");
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>
    /// A durable producer (acks=all, idempotent) that keeps retrying for <paramref name="messageTimeout"/>, so it can
    /// be handed messages while the broker is away and deliver them when it is back.
    /// </summary>
    public static IProducer<byte[]?, byte[]?> PatientProducer(string bootstrapServers, TimeSpan messageTimeout) =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = (int)messageTimeout.TotalMilliseconds,
        }).Build();

    /// <summary>Produces <paramref name="values"/> to <paramref name="topic"/> one after the other under one key, each acknowledged before the next.</summary>
    public static async Task ProduceInOrderAsync(string bootstrapServers, string topic, string key, IEnumerable<byte[]> values, TimeSpan timeout)
    {
        using var producer = PatientProducer(bootstrapServers, timeout);
        var keyBytes = System.Text.Encoding.UTF8.GetBytes(key);
        foreach (var value in values)
        {
            var result = await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = keyBytes, Value = value }).WaitAsync(timeout);
            if (result.Status != PersistenceStatus.Persisted)
            {
                throw new InvalidOperationException($"{topic} did not persist a {value.Length}-byte message: {result.Status}.");
            }
        }
    }
}
