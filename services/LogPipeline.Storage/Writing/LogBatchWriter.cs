using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Counters;

namespace LogPipeline.Storage.Writing;

/// <summary>
/// Stores one consumer batch: each log once, and the counters once. Safe to call again with the same batch (or
/// an overlapping one) after any failure — the consumer retries until it succeeds and only then commits.
/// </summary>
/// <remarks>
/// Order matters for exactly-once counting: the counters (with their offset markers) are committed before the
/// items are written. A log is counted only if its item does not exist yet, and an item exists only once its
/// counters are committed; so a crash between the two steps leaves counted-but-unwritten logs, which the retry
/// writes without counting them again (their offsets are past the marker). The first stored version of a log
/// wins: a later copy with the same id (redelivery, or an upstream duplicate) is neither written nor counted.
/// </remarks>
public sealed class LogBatchWriter
{
    readonly StorageOptions _options;
    readonly LogItemMapper _mapper;
    readonly StoredLogFinder _finder;
    readonly CounterWriter _counters;
    readonly BatchItemWriter _items;
    readonly WriterMetrics _metrics;

    public LogBatchWriter(IAmazonDynamoDB client, StorageOptions options, WriterMetrics metrics)
    {
        _options = options;
        _metrics = metrics;
        _mapper = new LogItemMapper(options);
        _finder = new StoredLogFinder(client, options);
        _counters = new CounterWriter(client, options);
        _items = new BatchItemWriter(client, options, metrics);
    }

    public async Task<BatchWriteResult> WriteAsync(IReadOnlyList<PendingLog> logs, CancellationToken cancellationToken)
    {
        if (logs.Count == 0)
        {
            return default;
        }

        var started = Stopwatch.GetTimestamp();

        // BatchWriteItem rejects two puts of one key in a request; the first copy in the batch wins.
        var firstCopy = new bool[logs.Count];
        var seen = new HashSet<string>(logs.Count, StringComparer.Ordinal);
        for (var i = 0; i < logs.Count; i++)
        {
            firstCopy[i] = seen.Add(logs[i].Scored.Log.LogIdentifier);
        }

        var stored = await _finder.FindStoredAsync(logs, firstCopy, cancellationToken).ConfigureAwait(false);
        var toStore = firstCopy;
        for (var i = 0; i < logs.Count; i++)
        {
            toStore[i] = firstCopy[i] && !stored.Contains(logs[i].Scored.Log.LogIdentifier);
        }

        var counted = await _counters.ApplyAsync(logs, toStore, cancellationToken).ConfigureAwait(false);

        var items = new List<Dictionary<string, AttributeValue>>(logs.Count - stored.Count);
        for (var i = 0; i < logs.Count; i++)
        {
            if (toStore[i])
            {
                items.Add(_mapper.ToItem(logs[i].Scored));
            }
        }

        await _items.WriteAsync(_options.LogTable, items, cancellationToken).ConfigureAwait(false);
        _metrics.BatchWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new BatchWriteResult(items.Count, stored.Count, counted);
    }
}
