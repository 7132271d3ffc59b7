using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Archive;
using LogPipeline.Contracts;
using LogPipeline.Storage.Writing;

namespace LogPipeline.Replay;

/// <summary>
/// Reads a time range back from the archive and sends each log once: to <c>logs.raw</c> (as the raw log, keyed by its
/// id, with a <see cref="ReplayHeaders.Source"/> header, so that the writer replaces the stored verdict with the new
/// one) or into the table through <see cref="LogBatchWriter"/>, which writes only the ids it does not hold and counts a
/// log only if its offset range was not counted before (the same offset markers that make a redelivered batch count
/// once: logs the live writer counted are not counted again).
/// Paced to <see cref="ReplayRequest.RatePerSecond"/> so live traffic keeps its share of the broker and the table.
/// </summary>
public sealed class ArchiveReplayer(ArchiveBucket archive, IProducer<byte[]?, byte[]?> producer, LogBatchWriter writer, string rawTopic, TimeProvider clock)
{
    readonly LogRecordSerializer _serializer = new();

    const int MaxBatchSize = 500;

    public async Task RunAsync(ReplayRequest request, ReplayProgress progress, CancellationToken cancellationToken)
    {
        // An object is filed under its first log's hour and holds the minutes after it: look one hour earlier.
        var fromHour = ArchiveObjectKey.HourOf(request.From).AddHours(-1);
        var toHour = ArchiveObjectKey.HourOf(request.To - 1);
        var keys = new List<ArchiveObjectKey>();
        await foreach (var key in archive.ListAsync(fromHour, toHour, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        progress.SetObjectsTotal(keys.Count);
        // At most a second's worth per batch, so pacing stays smooth at low rates.
        var batchSize = Math.Clamp(request.RatePerSecond, 1, MaxBatchSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var started = clock.GetTimestamp();
        long paced = 0;
        foreach (var key in keys)
        {
            var batch = new List<PendingLog>(batchSize);
            long row = 0;
            await foreach (var log in archive.ReadAsync(key, cancellationToken).ConfigureAwait(false))
            {
                // Rows are in offset order within the object's range: an offset at or below each row's own keeps the
                // counters' markers meaningful (see the class remarks).
                var offset = key.FirstOffset + row++;
                if (log.Log.Timestamp < request.From || log.Log.Timestamp >= request.To)
                {
                    continue;
                }

                progress.Found(1);
                if (!seen.Add(log.Log.LogIdentifier))
                {
                    progress.Duplicate();
                    continue;
                }

                batch.Add(new PendingLog(log, new SourcePosition(key.Topic, key.Partition, offset)));
                if (batch.Count == batchSize)
                {
                    paced = await SendAsync(request, key, batch, progress, started, paced, cancellationToken).ConfigureAwait(false);
                    batch = new List<PendingLog>(batchSize);
                }
            }

            if (batch.Count > 0)
            {
                paced = await SendAsync(request, key, batch, progress, started, paced, cancellationToken).ConfigureAwait(false);
            }

            progress.ObjectRead();
        }
    }

    async Task<long> SendAsync(ReplayRequest request, ArchiveObjectKey key, List<PendingLog> batch, ReplayProgress progress, long started, long paced, CancellationToken cancellationToken)
    {
        if (request.Target == ReplayTarget.Store)
        {
            var result = await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            progress.Delivered(result.Written);
            progress.Stored(batch.Count - result.Written);
        }
        else
        {
            var source = Encoding.UTF8.GetBytes(key.ToString());
            var deliveries = new Task[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var log = batch[i].Scored.Log;
                deliveries[i] = producer.ProduceAsync(rawTopic, new Message<byte[]?, byte[]?>
                {
                    Key = Encoding.UTF8.GetBytes(log.LogIdentifier),
                    // The raw log only: the scorer scores it afresh.
                    Value = _serializer.Serialize(log),
                    Headers = new Headers { { ReplayHeaders.Source, source } },
                }, cancellationToken);
            }

            await Task.WhenAll(deliveries).ConfigureAwait(false);
            progress.Delivered(batch.Count);
        }

        // Pace: n logs may not be sent before n / rate seconds have passed since the start.
        paced += batch.Count;
        var due = TimeSpan.FromSeconds((double)paced / request.RatePerSecond) - clock.GetElapsedTime(started);
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, clock, cancellationToken).ConfigureAwait(false);
        }

        return paced;
    }
}
