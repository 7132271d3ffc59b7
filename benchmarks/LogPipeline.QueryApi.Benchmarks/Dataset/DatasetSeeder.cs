using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Schema;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.Logging;

namespace LogPipeline.QueryApi.Benchmarks.Dataset;

/// <summary>
/// Fills DynamoDB Local with the planned data set through the writer's own <see cref="LogBatchWriter"/> (items,
/// indexes, TTL and exactly-once counters, as the Writer service stores them). Resumable: each partition's offset
/// marker in the counters table says how far it got.
/// </summary>
sealed partial class DatasetSeeder(IAmazonDynamoDB client, StorageOptions storage, DatasetPlan plan, IMeterFactory meters, ILogger logger)
{
    const int BatchSize = 500;
    static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    long _stored;

    public async Task SeedAsync(int concurrency, CancellationToken cancellationToken)
    {
        var markers = new long[plan.Partitions];
        for (var p = 0; p < plan.Partitions; p++)
        {
            markers[p] = Math.Min(await ReadMarkerAsync(p, cancellationToken), plan.ItemsIn(p));
            _stored += markers[p];
        }

        if (_stored == plan.Items)
        {
            LogComplete(logger, plan.Items, plan.Partitions);
            return;
        }

        LogSeeding(logger, plan.Items - _stored, plan.Items, DateTimeOffset.FromUnixTimeMilliseconds(plan.StartMs), plan.Hours, concurrency);
        var started = Stopwatch.GetTimestamp();
        var startedWith = _stored;
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(started, startedWith, progress.Token);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, plan.Partitions).Where(p => markers[p] < plan.ItemsIn(p)),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                (p, ct) => new ValueTask(SeedPartitionAsync(p, markers[p], ct)));
        }
        finally
        {
            await progress.CancelAsync();
            await reporter;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogSeeded(logger, _stored - startedWith, seconds, (_stored - startedWith) / seconds);
    }

    async Task SeedPartitionAsync(int partition, long marker, CancellationToken cancellationToken)
    {
        var traffic = new ScoredTraffic(plan, partition, BatchSize);
        var writer = new LogBatchWriter(client, storage, new WriterMetrics(meters));
        var batch = new List<PendingLog>(BatchSize);
        var count = plan.ItemsIn(partition);

        // The batch holding the marker's predecessor is written again: counters go in before items, so an interrupted
        // run may have counted that batch without storing all of it. The writer stores what is missing, counts nothing twice.
        var resumeFrom = Math.Max(0, marker - 1) / BatchSize * BatchSize;
        for (long offset = 0; offset < count; offset += BatchSize)
        {
            var size = (int)Math.Min(BatchSize, count - offset);
            traffic.Next(offset, size, batch);
            if (offset < resumeFrom)
            {
                continue;
            }

            await writer.WriteAsync(batch, cancellationToken);
            Interlocked.Add(ref _stored, Math.Max(0, offset + size - Math.Max(offset, marker)));
        }
    }

    async Task<long> ReadMarkerAsync(int partition, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = storage.CounterTable,
            Key = new Dictionary<string, AttributeValue>
            {
                [CounterAttributes.Series] = new() { S = CounterNames.OffsetsSeries(DatasetPlan.Topic) },
                [CounterAttributes.Bucket] = new() { S = partition.ToString("D5", CultureInfo.InvariantCulture) },
            },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item?.TryGetValue(CounterAttributes.NextOffset, out var next) == true
            ? long.Parse(next.N, CultureInfo.InvariantCulture)
            : 0;
    }

    async Task ReportProgressAsync(long started, long startedWith, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var stored = Interlocked.Read(ref _stored);
                if (stored == startedWith)
                {
                    continue;
                }

                var rate = (stored - startedWith) / Stopwatch.GetElapsedTime(started).TotalSeconds;
                LogProgress(logger, stored, plan.Items, 100.0 * stored / plan.Items, rate, (plan.Items - stored) / rate / 60);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data set complete: {Items} logs in {Partitions} partitions")]
    static partial void LogComplete(ILogger logger, long items, int partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding {Missing} of {Items} logs ({Start:u} + {Hours} h) with the writer's LogBatchWriter, {Concurrency} partitions at once; progress every 10 s, resumable")]
    static partial void LogSeeding(ILogger logger, long missing, long items, DateTimeOffset start, int hours, int concurrency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Stored}/{Items} logs ({Percent:F1}%), {Rate:F0} logs/s, about {MinutesLeft:F1} min left")]
    static partial void LogProgress(ILogger logger, long stored, long items, double percent, double rate, double minutesLeft);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Stored} logs in {Seconds:F0} s ({Rate:F0} logs/s)")]
    static partial void LogSeeded(ILogger logger, long stored, double seconds, double rate);
}
