using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;

namespace LogPipeline.Kafka.DeadLetters;

/// <summary>
/// Reads <c>logs.dlq</c> without a consumer group's offsets: partitions are assigned at explicit offsets and nothing
/// is ever committed, so listing never moves anyone's position. A consumer is made per call (consumers are not
/// thread-safe); each call is bounded by the number of messages it may read and by <see cref="ReadTimeout"/>.
/// </summary>
public sealed class DeadLetterTopicReader(Func<IConsumer<byte[]?, byte[]?>> createConsumer, IAdminClient admin, string topic)
{
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    public string Topic { get; } = topic;

    /// <summary>Up to <paramref name="limit"/> dead letters matching <paramref name="filter"/>, from <paramref name="from"/> on, reading at most <paramref name="maxScanned"/> messages.</summary>
    public Task<DeadLetterPage> ReadPageAsync(DeadLetterFilter filter, DeadLetterId? from, int limit, int maxScanned, CancellationToken cancellationToken) =>
        Task.Run(() => ReadPage(filter, from, limit, maxScanned, cancellationToken), cancellationToken);

    /// <summary>The dead letters at <paramref name="ids"/>; an id with no message (never written, or past retention) is absent.</summary>
    public Task<IReadOnlyDictionary<DeadLetterId, DeadLetter>> ReadAsync(IReadOnlyCollection<DeadLetterId> ids, CancellationToken cancellationToken) =>
        Task.Run(() => Read(ids, cancellationToken), cancellationToken);

    DeadLetterPage ReadPage(DeadLetterFilter filter, DeadLetterId? from, int limit, int maxScanned, CancellationToken cancellationToken)
    {
        using var consumer = createConsumer();
        var items = new List<DeadLetter>(Math.Min(limit, 256));
        var scanned = 0;
        var partitions = Partitions();
        foreach (var partition in partitions.Where(p => from is null || p >= from.Value.Partition))
        {
            var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, partition), ReadTimeout);
            var start = from is { } cursor && cursor.Partition == partition ? Math.Max(cursor.Offset, watermarks.Low.Value) : watermarks.Low.Value;
            var end = watermarks.High.Value;
            if (start >= end)
            {
                continue;
            }

            consumer.Assign(new TopicPartitionOffset(Topic, partition, start));
            var deadline = DateTime.UtcNow + ReadTimeout;
            var next = start;
            while (next < end)
            {
                if (items.Count == limit || scanned == maxScanned)
                {
                    return new DeadLetterPage(items, new DeadLetterId(partition, next), scanned);
                }

                var result = consumer.Consume(Remaining(deadline, cancellationToken))
                    ?? throw new TimeoutException($"{Topic} partition {partition} did not deliver offset {next} within {ReadTimeout}.");
                if (result.IsPartitionEOF)
                {
                    break;
                }

                scanned++;
                next = result.Offset.Value + 1;
                var letter = ToDeadLetter(result);
                if (filter.Matches(letter))
                {
                    items.Add(letter);
                }
            }

            consumer.Unassign();
        }

        return new DeadLetterPage(items, null, scanned);
    }

    IReadOnlyDictionary<DeadLetterId, DeadLetter> Read(IReadOnlyCollection<DeadLetterId> ids, CancellationToken cancellationToken)
    {
        using var consumer = createConsumer();
        var found = new Dictionary<DeadLetterId, DeadLetter>();
        var partitions = Partitions().ToHashSet();
        foreach (var group in ids.Distinct().Where(i => partitions.Contains(i.Partition)).GroupBy(i => i.Partition))
        {
            var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, group.Key), ReadTimeout);
            foreach (var id in group.Where(i => i.Offset >= watermarks.Low.Value && i.Offset < watermarks.High.Value).OrderBy(i => i.Offset))
            {
                consumer.Assign(new TopicPartitionOffset(Topic, id.Partition, id.Offset));
                var deadline = DateTime.UtcNow + ReadTimeout;
                var result = consumer.Consume(Remaining(deadline, cancellationToken));
                // A compacted or transactional topic can skip offsets: only the exact one counts.
                if (result is { IsPartitionEOF: false } && result.Offset.Value == id.Offset)
                {
                    found[id] = ToDeadLetter(result);
                }

                consumer.Unassign();
            }
        }

        return found;
    }

    int[] Partitions()
    {
        var metadata = admin.GetMetadata(Topic, ReadTimeout);
        var topicMetadata = metadata.Topics.SingleOrDefault(t => t.Topic == Topic);
        return topicMetadata is null || topicMetadata.Error.IsError
            ? []
            : topicMetadata.Partitions.Select(p => p.PartitionId).Order().ToArray();
    }

    static TimeSpan Remaining(DateTime deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var remaining = deadline - DateTime.UtcNow;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    static DeadLetter ToDeadLetter(ConsumeResult<byte[]?, byte[]?> result)
    {
        var headers = result.Message.Headers;
        return new DeadLetter(
            new DeadLetterId(result.Partition.Value, result.Offset.Value),
            Header(headers, DeadLetterHeaders.Stage) ?? "unknown",
            Header(headers, DeadLetterHeaders.Reason) ?? "",
            Header(headers, DeadLetterHeaders.SourceTopic),
            int.TryParse(Header(headers, DeadLetterHeaders.SourcePartition), NumberStyles.Integer, CultureInfo.InvariantCulture, out var partition) ? partition : null,
            long.TryParse(Header(headers, DeadLetterHeaders.SourceOffset), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) ? offset : null,
            DateTimeOffset.TryParse(Header(headers, DeadLetterHeaders.Time), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null,
            Header(headers, DeadLetterHeaders.Truncated) is not null,
            long.TryParse(Header(headers, DeadLetterHeaders.OriginalSize), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : null,
            result.Message.Key is { } key ? Encoding.UTF8.GetString(key) : null,
            result.Message.Value ?? []);
    }

    static string? Header(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
