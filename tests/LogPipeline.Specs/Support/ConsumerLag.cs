using Confluent.Kafka;

namespace LogPipeline.Specs.Support;

/// <summary>
/// A consumer group's lag, read as an operator would: the group's committed offsets against the topic's high
/// watermarks. The group is only asked for its offsets, never joined, so the stage consuming in it is not disturbed.
/// </summary>
public static class ConsumerLag
{
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The next offset of every partition of <paramref name="topic"/> now: what a caught-up group has committed.</summary>
    public static IReadOnlyList<TopicPartitionOffset> HighWatermarks(string bootstrapServers, string topic)
    {
        using var consumer = OffsetReader(bootstrapServers, "specs-watermarks-" + Guid.NewGuid().ToString("N"));
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin.GetMetadata(topic, RequestTimeout).Topics.Single().Partitions;
        return [.. partitions.Select(p => new TopicPartition(topic, p.PartitionId))
            .Select(tp => new TopicPartitionOffset(tp, consumer.QueryWatermarkOffsets(tp, RequestTimeout).High))];
    }

    /// <summary>
    /// How many of the messages before <paramref name="marks"/> <paramref name="group"/> has not committed yet
    /// (a partition it never committed on counts from offset 0).
    /// </summary>
    public static long Behind(string bootstrapServers, string group, IReadOnlyList<TopicPartitionOffset> marks)
    {
        using var consumer = OffsetReader(bootstrapServers, group);
        var committed = consumer.Committed(marks.Select(m => m.TopicPartition), RequestTimeout)
            .ToDictionary(c => c.TopicPartition, c => c.Offset.IsSpecial ? 0 : c.Offset.Value);
        return marks.Sum(m => Math.Max(0, m.Offset.Value - committed.GetValueOrDefault(m.TopicPartition)));
    }

    static IConsumer<byte[]?, byte[]?> OffsetReader(string bootstrapServers, string group) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
        }).Build();
}
