using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView.Kafka;

/// <summary>
/// Reads the pipeline's progress from offsets alone: high watermarks of the raw, scored and dead-letter topics and the
/// offsets the scorer's and writer's groups committed. Its consumers carry those groups' ids only to read their
/// committed offsets: they never subscribe, join or commit. Uses only APIs of Confluent.Kafka 1.9 and 2.x
/// (<see cref="IAdminClient.GetMetadata(TimeSpan)"/>, <see cref="IConsumer{TKey,TValue}.QueryWatermarkOffsets"/>,
/// <see cref="IConsumer{TKey,TValue}.Committed(IEnumerable{TopicPartition}, TimeSpan)"/>).
/// </summary>
public sealed class KafkaOffsetSampler : IDisposable
{
    public const string ConnectionName = "kafka";

    readonly TopicOptions _topics;
    readonly PipelineViewOptions _options;
    readonly IAdminClient _admin;
    readonly IConsumer<byte[]?, byte[]?> _scorerGroup;
    readonly IConsumer<byte[]?, byte[]?> _writerGroup;

    public KafkaOffsetSampler(IConfiguration configuration, IOptions<TopicOptions> topics, IOptions<PipelineViewOptions> options, ILoggerFactory loggers)
    {
        _topics = topics.Value;
        _options = options.Value;
        _admin = KafkaClientFactory.CreateAdminClient(configuration, ConnectionName, loggers);
        _scorerGroup = KafkaClientFactory.CreateConsumer(configuration, ConnectionName, _options.ScorerConsumerGroup, loggers);
        _writerGroup = KafkaClientFactory.CreateConsumer(configuration, ConnectionName, _options.WriterConsumerGroup, loggers);
    }

    /// <summary>The partition count of every topic the broker knows; throws when the broker does not answer.</summary>
    public IReadOnlyDictionary<string, int> Partitions(TimeSpan timeout)
    {
        var metadata = _admin.GetMetadata(timeout);
        return metadata.Topics.Where(t => !t.Error.IsError).ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
    }

    /// <summary>Blocks for a few broker round trips; throws <see cref="KafkaException"/> when the broker does not answer.</summary>
    public OffsetSample Sample(TimeSpan timeout)
    {
        var partitions = Partitions(timeout);
        var lag = new List<PartitionLag>();
        var generated = Progress(_scorerGroup, _topics.Raw, partitions, _options.ScorerConsumerGroup, lag, timeout, out var scored);
        Progress(_writerGroup, _topics.Scored, partitions, _options.WriterConsumerGroup, lag, timeout, out var stored);
        var deadLetters = 0L;
        foreach (var partition in PartitionsOf(_topics.DeadLetter, partitions))
        {
            deadLetters += _writerGroup.QueryWatermarkOffsets(partition, timeout).High.Value;
        }

        return new OffsetSample(generated, scored, stored, deadLetters, lag);
    }

    /// <summary>Sums the topic's high watermarks (returned) and the group's committed offsets, and adds the group's lag per partition.</summary>
    static long Progress(IConsumer<byte[]?, byte[]?> group, string topic, IReadOnlyDictionary<string, int> partitions, string groupName,
        List<PartitionLag> lag, TimeSpan timeout, out long committedTotal)
    {
        committedTotal = 0;
        var topicPartitions = PartitionsOf(topic, partitions);
        if (topicPartitions.Count == 0)
        {
            return 0;
        }

        var committed = group.Committed(topicPartitions, timeout).ToDictionary(c => c.Partition.Value, c => c.Offset);
        var highTotal = 0L;
        foreach (var partition in topicPartitions)
        {
            var watermarks = group.QueryWatermarkOffsets(partition, timeout);
            var high = watermarks.High.Value;
            highTotal += high;

            long? committedOffset = committed.TryGetValue(partition.Partition.Value, out var offset) && offset.Value >= 0 ? offset.Value : null;
            committedTotal += committedOffset ?? 0;

            // A group that never committed on a partition has all of its retained messages still to read.
            var position = committedOffset ?? watermarks.Low.Value;
            lag.Add(new PartitionLag(groupName, topic, partition.Partition.Value, Math.Max(0, high - position)));
        }

        return highTotal;
    }

    static List<TopicPartition> PartitionsOf(string topic, IReadOnlyDictionary<string, int> partitions) =>
        partitions.TryGetValue(topic, out var count) ? Enumerable.Range(0, count).Select(p => new TopicPartition(topic, p)).ToList() : [];

    public void Dispose()
    {
        _scorerGroup.Dispose();
        _writerGroup.Dispose();
        _admin.Dispose();
    }
}
