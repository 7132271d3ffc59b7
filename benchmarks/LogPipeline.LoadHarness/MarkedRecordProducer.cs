using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.LoadHarness;

/// <summary>
/// Produces the harness's marked records to the raw topic, keyed by id as the generator keys its own, with the
/// services' producer settings (acks=all, idempotent). They all share one route, <see cref="Route"/>, so the
/// writer's counter of that route can be compared with the ids read back.
/// </summary>
public sealed class MarkedRecordProducer : IDisposable
{
    public const string Route = "/load-harness/marked";

    static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    readonly IProducer<byte[]?, byte[]?> _producer;
    readonly ConcurrentDictionary<string, MarkedRecord> _records;
    readonly string _idPrefix;
    readonly ArrayBufferWriter<byte> _buffer = new(1024);
    readonly Utf8JsonWriter _writer;
    long _sequence;

    public MarkedRecordProducer(IConfiguration kafka, string idPrefix, ConcurrentDictionary<string, MarkedRecord> records)
    {
        _producer = new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfiguration.CreateProducerConfig(kafka, StageOffsets.ConnectionName)).Build();
        _idPrefix = idPrefix;
        _records = records;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>
    /// Sends <paramref name="perSecond"/> marked records a second until <paramref name="untilMs"/> (epoch ms), handing each
    /// to <paramref name="sent"/> once produced; returns how many.
    /// </summary>
    public async Task<int> SendAsync(int rateIndex, double perSecond, long untilMs, Action<MarkedRecord> sent, CancellationToken cancellationToken)
    {
        var startMs = Clock.NowMs();
        var count = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(1000 / perSecond, 10, 200)));
        while (Clock.NowMs() < untilMs && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var due = (long)((Clock.NowMs() - startMs) * perSecond / 1000.0);
            for (; count < due; count++)
            {
                sent(Send(rateIndex));
            }
        }

        return count;
    }

    /// <summary>Waits until every record sent so far is acknowledged or failed.</summary>
    public void Flush() => _producer.Flush(FlushTimeout);

    public void Dispose()
    {
        _producer.Flush(FlushTimeout);
        _producer.Dispose();
        _writer.Dispose();
    }

    MarkedRecord Send(int rateIndex)
    {
        var id = $"{_idPrefix}{Interlocked.Increment(ref _sequence):D8}";
        var now = Clock.NowMs();
        var record = new MarkedRecord(id, rateIndex, now);
        _records[id] = record;

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        LogRecordJson.Write(_writer, new LogRecord
        {
            LogIdentifier = id,
            Timestamp = now,
            LogLevel = "INFO",
            IpAddress = "10.255.0.1",
            UserId = "load-harness",
            Method = "GET",
            Path = Route,
            StatusCode = 200,
            ResponseTime = 0.05,
            Message = "load harness marked record",
            BytesSent = 512,
            Service = "load-harness",
        });
        _writer.Flush();

        var message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(id), Value = _buffer.WrittenSpan.ToArray() };
        _producer.Produce(Topics.Raw, message, report =>
        {
            if (report.Error.IsError)
            {
                record.MarkDeliveryFailed(report.Error.Reason);
            }
            else
            {
                record.MarkAcknowledged(Clock.NowMs());
            }
        });
        return record;
    }
}
