using Confluent.Kafka;
using LogPipeline.Archive;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Options;

namespace LogPipeline.Archiver;

/// <summary>
/// Archives one consumer batch of <c>logs.scored</c>: one Parquet object per partition's run of offsets, keyed by that
/// run, and invalid messages to the dead-letter topic. Returns only when both are durable, so the caller may commit.
/// <para>
/// Exactly once. A batch is delivered again after a crash between its upload and its commit, possibly cut at another
/// offset. Its run starts at the committed offset, like the object uploaded before the crash, and the object's key
/// (hour of the first valid log, topic, partition, first offset) is found by a prefix listing: the offsets that object
/// covers are skipped, and only the rest is archived, as a new run. Within a process the offsets archived are also
/// remembered, so a batch retried or split after a failure does not repeat objects either. Dead letters go out before
/// the upload, so an object's existence means its run's invalid messages were dead-lettered; a retry does not repeat
/// them, but a crash between the two does (the same at-least-once as the other stages' dead letters).
/// </para>
/// </summary>
public sealed partial class ArchiveBatchHandler(
    ArchiveBucket bucket,
    ArchiveUploader uploader,
    DeadLetterPublisher deadLetters,
    BatchProducer deadLetterProducer,
    ArchiverMetrics metrics,
    IOptions<RecordValidationOptions> validation,
    ILogger<ArchiveBatchHandler> logger)
{
    readonly LogRecordRules _rules = new(validation.Value);
    readonly ArchiveWriter _writer = new();
    readonly MemoryStream _file = new();
    readonly Dictionary<TopicPartition, long> _archivedThrough = [];
    readonly Dictionary<TopicPartition, long> _deadLetteredThrough = [];

    public async Task HandleAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken)
    {
        var runs = await PlanAsync(batch, cancellationToken).ConfigureAwait(false);

        var dead = 0;
        foreach (var run in runs)
        {
            foreach (var (message, error) in run.Invalid)
            {
                if (message.Offset.Value > _deadLetteredThrough.GetValueOrDefault(message.TopicPartition, -1))
                {
                    deadLetters.Publish(message, error, deadLetterProducer.Track());
                    dead++;
                }
            }
        }

        if (dead > 0)
        {
            await deadLetterProducer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var run in runs)
            {
                if (run.Invalid.Count > 0)
                {
                    _deadLetteredThrough[run.Partition] = Math.Max(_deadLetteredThrough.GetValueOrDefault(run.Partition, -1), run.Invalid[^1].Message.Offset.Value);
                }
            }
        }

        foreach (var run in runs)
        {
            if (run.Logs.Count > 0)
            {
                await UploadAsync(run, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    async Task UploadAsync(Run run, CancellationToken cancellationToken)
    {
        var key = run.Key.ToString();
        _file.SetLength(0);
        await _writer.WriteAsync(run.Logs, _file, cancellationToken).ConfigureAwait(false);
        var parts = await uploader.UploadAsync(key, _file, cancellationToken).ConfigureAwait(false);
        _archivedThrough[run.Partition] = run.Key.LastOffset;
        metrics.Uploaded(run.Logs.Count, _file.Length);
        LogUploaded(logger, key, run.Logs.Count, _file.Length, parts);
    }

    /// <summary>Splits the batch into runs per partition and drops what the archive already holds.</summary>
    async Task<List<Run>> PlanAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken)
    {
        // A consumer batch keeps each partition's messages in offset order.
        var byPartition = new Dictionary<TopicPartition, List<ConsumeResult<byte[]?, byte[]?>>>();
        foreach (var message in batch)
        {
            if (message.Offset.Value <= _archivedThrough.GetValueOrDefault(message.TopicPartition, -1))
            {
                metrics.Skipped(1);
                continue;
            }

            if (!byPartition.TryGetValue(message.TopicPartition, out var messages))
            {
                byPartition[message.TopicPartition] = messages = [];
            }

            messages.Add(message);
        }

        var runs = new List<Run>(byPartition.Count);
        foreach (var (partition, messages) in byPartition)
        {
            var parsed = new List<(ConsumeResult<byte[]?, byte[]?> Message, ScoredLog? Log, string? Error)>(messages.Count);
            foreach (var message in messages)
            {
                parsed.Add(ScoredLogParser.TryParse(message.Message.Value, _rules, MessageTime.ReferenceMilliseconds(message), out var log, out var error)
                    ? (message, log, null)
                    : (message, null, error));
            }

            var start = await SkipArchivedAsync(partition, parsed, cancellationToken).ConfigureAwait(false);
            if (start == parsed.Count)
            {
                continue;
            }

            var run = new Run(partition);
            for (var i = start; i < parsed.Count; i++)
            {
                if (parsed[i].Log is { } log)
                {
                    run.Logs.Add(log);
                }
                else
                {
                    run.Invalid.Add((parsed[i].Message, parsed[i].Error!));
                }
            }

            if (run.Logs.Count > 0)
            {
                run.Key = new ArchiveObjectKey(ArchiveObjectKey.HourOf(run.Logs[0].Timestamp), partition.Topic, partition.Partition.Value, parsed[start].Message.Offset.Value, parsed[^1].Message.Offset.Value);
            }

            runs.Add(run);
        }

        return runs;
    }

    /// <summary>The index of the first message no object holds yet: objects that start where the run starts are followed to their ends.</summary>
    async Task<int> SkipArchivedAsync(TopicPartition partition, List<(ConsumeResult<byte[]?, byte[]?> Message, ScoredLog? Log, string? Error)> parsed, CancellationToken cancellationToken)
    {
        var start = 0;
        while (start < parsed.Count)
        {
            var firstLog = parsed.FindIndex(start, p => p.Log is not null);
            if (firstLog < 0)
            {
                return start;
            }

            var firstOffset = parsed[start].Message.Offset.Value;
            var existing = await bucket.FindRunAsync(ArchiveObjectKey.HourOf(parsed[firstLog].Log!.Timestamp), partition.Topic, partition.Partition.Value, firstOffset, cancellationToken).ConfigureAwait(false);
            if (existing is not { } found)
            {
                return start;
            }

            var next = parsed.FindIndex(start, p => p.Message.Offset.Value > found.LastOffset);
            next = next < 0 ? parsed.Count : next;
            metrics.Skipped(next - start);
            LogAlreadyArchived(logger, next - start, partition.Topic, partition.Partition.Value, firstOffset, found.ToString());
            _archivedThrough[partition] = Math.Max(_archivedThrough.GetValueOrDefault(partition, -1), found.LastOffset);
            start = next;
        }

        return start;
    }

    sealed class Run(TopicPartition partition)
    {
        public TopicPartition Partition { get; } = partition;

        public ArchiveObjectKey Key { get; set; }

        public List<ScoredLog> Logs { get; } = [];

        public List<(ConsumeResult<byte[]?, byte[]?> Message, string Error)> Invalid { get; } = [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived {Key}: {Logs} logs, {Bytes} bytes in {Parts} part(s)")]
    static partial void LogUploaded(ILogger logger, string key, int logs, long bytes, int parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipping {Count} messages of {Topic}[{Partition}] from offset {Offset}: already archived in {Key}")]
    static partial void LogAlreadyArchived(ILogger logger, int count, string topic, int partition, long offset, string key);
}
