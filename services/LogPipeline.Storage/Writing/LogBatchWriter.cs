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
/// The one exception is a re-score (<see cref="PendingLog.Rescored"/>, a replay through <c>logs.raw</c>): it replaces
/// the stored item, so the new model's verdict is what is read, and is not counted again (a re-scored log that finds
/// no item is written and counted as any new log, so it is counted once whichever copy the writer sees first).
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

        // BatchWriteItem rejects two puts of one key in a request: one copy per id goes on, the last re-score if
        // there is one (the newest verdict), else the first copy.
        var chosen = new Dictionary<string, int>(logs.Count, StringComparer.Ordinal);
        for (var i = 0; i < logs.Count; i++)
        {
            var id = logs[i].Scored.Log.LogIdentifier;
            if (!chosen.ContainsKey(id) || logs[i].Rescored)
            {
                chosen[id] = i;
            }
        }

        var candidate = new bool[logs.Count];
        foreach (var index in chosen.Values)
        {
            candidate[index] = true;
        }

        var phaseStarted = Stopwatch.GetTimestamp();
        var stored = await _finder.FindStoredAsync(logs, candidate, cancellationToken).ConfigureAwait(false);
        var findMs = RecordPhase(WriterPhase.Find, ref phaseStarted);
        var countable = new bool[logs.Count];
        var replaced = 0;
        for (var i = 0; i < logs.Count; i++)
        {
            var isStored = stored.Contains(logs[i].Scored.Log.LogIdentifier);
            countable[i] = candidate[i] && !isStored;
            replaced += candidate[i] && isStored && logs[i].Rescored ? 1 : 0;
        }

        var counted = await _counters.ApplyAsync(logs, countable, cancellationToken).ConfigureAwait(false);
        var countMs = RecordPhase(WriterPhase.Count, ref phaseStarted);

        var items = new List<Dictionary<string, AttributeValue>>(chosen.Count - stored.Count + replaced);
        for (var i = 0; i < logs.Count; i++)
        {
            if (countable[i] || (candidate[i] && logs[i].Rescored))
            {
                items.Add(_mapper.ToItem(logs[i].Scored));
            }
        }

        await _items.WriteAsync(_options.LogTable, items, cancellationToken).ConfigureAwait(false);
        var putMs = RecordPhase(WriterPhase.Put, ref phaseStarted);
        _metrics.BatchWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new BatchWriteResult(items.Count, stored.Count - replaced, counted, replaced, new BatchWriteTimings(findMs, countMs, putMs));
    }

    double RecordPhase(WriterPhase phase, ref long phaseStarted)
    {
        var now = Stopwatch.GetTimestamp();
        var milliseconds = Stopwatch.GetElapsedTime(phaseStarted, now).TotalMilliseconds;
        _metrics.PhaseDuration.Record(milliseconds, new KeyValuePair<string, object?>(WriterPhase.TagName, phase.Name));
        phaseStarted = now;
        return milliseconds;
    }
}
