using Confluent.Kafka;

namespace LogPipeline.Generator.Tests.Infrastructure;

/// <summary>
/// A real Kafka consumer assigned to every partition of a topic at its current end, so a test reads only the
/// messages produced after it started reading, whatever earlier tests left in the topic.
/// </summary>
public sealed class RawTopicReader : IDisposable
{
    static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    readonly IConsumer<byte[]?, byte[]?> _consumer;
    readonly Dictionary<TopicPartition, long> _next = [];

    RawTopicReader(IConsumer<byte[]?, byte[]?> consumer) => _consumer = consumer;

    public static RawTopicReader FromEnd(string bootstrapServers, string topic, int partitions)
    {
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "generator-tests-" + Guid.NewGuid(),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 20,
        }).Build();
        var reader = new RawTopicReader(consumer);
        var start = new List<TopicPartitionOffset>(partitions);
        for (var p = 0; p < partitions; p++)
        {
            var partition = new TopicPartition(topic, p);
            var end = consumer.QueryWatermarkOffsets(partition, MetadataTimeout).High;
            reader._next[partition] = end.Value;
            start.Add(new TopicPartitionOffset(partition, end));
        }

        consumer.Assign(start);
        return reader;
    }

    /// <summary>Reads until <paramref name="count"/> messages arrived; fails after <see cref="GeneratorFixture.Timeout"/>.</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> Read(int count) => ReadUntil(read => read.Count >= count);

    public List<ConsumeResult<byte[]?, byte[]?>> ReadUntil(Func<List<ConsumeResult<byte[]?, byte[]?>>, bool> done)
    {
        var read = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + GeneratorFixture.Timeout;
        while (!done(read))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after reading {read.Count} messages.");
            if (_consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                Add(read, result);
            }
        }

        return read;
    }

    /// <summary>Reads whatever the topic holds beyond what was read so far, up to its current end.</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> ReadToEnd()
    {
        var ends = new Dictionary<TopicPartition, long>();
        foreach (var partition in _next.Keys)
        {
            ends[partition] = _consumer.QueryWatermarkOffsets(partition, MetadataTimeout).High.Value;
        }

        return ReadUntil(_ =>
        {
            foreach (var (partition, end) in ends)
            {
                if (_next[partition] < end)
                {
                    return false;
                }
            }

            return true;
        });
    }

    void Add(List<ConsumeResult<byte[]?, byte[]?>> read, ConsumeResult<byte[]?, byte[]?> result)
    {
        read.Add(result);
        _next[result.TopicPartition] = result.Offset.Value + 1;
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}
