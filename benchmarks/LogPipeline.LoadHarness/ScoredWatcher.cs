using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.LoadHarness;

/// <summary>
/// Reads the scored topic from the moment it starts (every partition assigned at its high watermark, in a group of
/// its own that never commits, so the stages' groups are untouched) and marks each marked record scored at the time
/// the scorer produced it (the message's timestamp). Records are matched by key (the scorer keeps the raw key, the
/// log id), so no value is parsed.
/// </summary>
public sealed class ScoredWatcher : IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    readonly IConsumer<byte[]?, byte[]?> _consumer;
    readonly ConcurrentDictionary<string, MarkedRecord> _records;
    readonly byte[] _idPrefix;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    long _read;

    public ScoredWatcher(IConfiguration kafka, string groupId, string idPrefix, ConcurrentDictionary<string, MarkedRecord> records)
    {
        _records = records;
        _idPrefix = Encoding.UTF8.GetBytes(idPrefix);
        _consumer = KafkaClientFactory.CreateConsumer(kafka, StageOffsets.ConnectionName, groupId, NullLoggerFactory.Instance, config =>
        {
            config.FetchWaitMaxMs = 10;
            config.EnablePartitionEof = false;
        });

        using var admin = KafkaClientFactory.CreateAdminClient(kafka, StageOffsets.ConnectionName, NullLoggerFactory.Instance);
        var topic = admin.GetMetadata(Topics.Scored, Timeout).Topics.Single();
        _consumer.Assign(topic.Partitions.Select(p =>
        {
            var partition = new TopicPartition(Topics.Scored, p.PartitionId);
            return new TopicPartitionOffset(partition, _consumer.QueryWatermarkOffsets(partition, Timeout).High);
        }));
        _loop = Task.Factory.StartNew(Consume, TaskCreationOptions.LongRunning);
    }

    /// <summary>Messages read from the scored topic so far (all of them, marked or not).</summary>
    public long Read => Interlocked.Read(ref _read);

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait(Timeout);
        _consumer.Close();
        _consumer.Dispose();
        _stop.Dispose();
    }

    void Consume()
    {
        while (!_stop.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = _consumer.Consume(PollTimeout);
            }
            catch (ConsumeException)
            {
                // A broker hiccup: librdkafka recovers by itself; keep reading.
                continue;
            }

            if (result?.Message is not { } message)
            {
                continue;
            }

            Interlocked.Increment(ref _read);
            if (message.Key is { } key && key.AsSpan().StartsWith(_idPrefix)
                && _records.TryGetValue(Encoding.UTF8.GetString(key), out var record))
            {
                var at = message.Timestamp.Type == TimestampType.NotAvailable ? Clock.NowMs() : message.Timestamp.UnixTimestampMs;
                record.MarkScored(at);
            }
        }
    }
}
