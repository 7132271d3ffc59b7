using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka;

/// <summary>
/// Sends what a stage cannot process to the dead-letter topic: the original key and bytes, the reason and the source
/// coordinates in headers, so nothing is lost and the record can be inspected or replayed. A value too large to be
/// re-published is cut to fit, with its original size and SHA-256 in headers, so a dead letter can always be
/// delivered.
/// </summary>
public sealed partial class DeadLetterPublisher
{
    /// <summary>
    /// Largest dead letter produced (key, value and headers), under the 1,000,000 bytes both librdkafka's and the
    /// broker's <c>message.max.bytes</c> allow by default.
    /// </summary>
    public const int DefaultMaxMessageBytes = 900_000;

    /// <summary>Reasons are cut to this many characters: they often quote the record.</summary>
    public const int MaxReasonLength = 1_000;

    const int MaxKeyBytes = 1_024;

    /// <summary>The <c>reason</c> tag of dead letters whose record failed validation (the reason header says which rule).</summary>
    public const string InvalidRecord = "invalid_record";

    static readonly Meter Meter = new("LogPipeline.Kafka");

    readonly IProducer<byte[]?, byte[]?> _producer;
    readonly string _topic;
    readonly byte[] _stageBytes;
    readonly int _maxMessageBytes;
    readonly ILogger<DeadLetterPublisher> _logger;
    readonly Counter<long> _published;
    readonly KeyValuePair<string, object?> _stageTag;

    public DeadLetterPublisher(IProducer<byte[]?, byte[]?> producer, string topic, string stage, ILogger<DeadLetterPublisher> logger, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 4_096);
        _producer = producer;
        _topic = topic;
        _stageBytes = Encoding.UTF8.GetBytes(stage);
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _stageTag = new("error.stage", stage);
        _published = Meter.CreateCounter<long>("logpipeline.kafka.dead_letters", "{message}", "Messages sent to the dead-letter topic, by stage and reason.");
    }

    public string Topic => _topic;

    /// <summary>Queues a dead letter; <paramref name="onDelivered"/> (usually a <see cref="BatchProducer"/>'s) confirms it.</summary>
    /// <param name="reasonTag">A bounded category for the metric's <c>reason</c> tag; <paramref name="reason"/> is free text.</param>
    public void Publish(ConsumeResult<byte[]?, byte[]?> source, string reason, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered, string reasonTag = InvalidRecord)
    {
        reason = reason.Length > MaxReasonLength ? string.Concat(reason.AsSpan(0, MaxReasonLength), "…") : reason;
        LogDeadLetter(_logger, source.Topic, source.Partition.Value, source.Offset.Value, reason);
        var headers = new Headers
        {
            { DeadLetterHeaders.Stage, _stageBytes },
            { DeadLetterHeaders.Reason, Encoding.UTF8.GetBytes(reason) },
            { DeadLetterHeaders.SourceTopic, Encoding.UTF8.GetBytes(source.Topic) },
            { DeadLetterHeaders.SourcePartition, Encoding.UTF8.GetBytes(source.Partition.Value.ToString(CultureInfo.InvariantCulture)) },
            { DeadLetterHeaders.SourceOffset, Encoding.UTF8.GetBytes(source.Offset.Value.ToString(CultureInfo.InvariantCulture)) },
            { DeadLetterHeaders.Time, Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)) },
        };
        if (source.Message.Headers is { } original)
        {
            foreach (var header in original)
            {
                if (header.Key is KafkaTraceContext.TraceParentHeader or KafkaTraceContext.TraceStateHeader)
                {
                    headers.Add(header.Key, header.GetValueBytes());
                }
            }
        }

        var key = source.Message.Key is { Length: > MaxKeyBytes } longKey ? longKey[..MaxKeyBytes] : source.Message.Key;
        var value = FitValue(source.Message.Value, key, headers);
        _published.Add(1, _stageTag, new("reason", reasonTag));
        _producer.Produce(_topic, new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers }, onDelivered);
    }

    /// <summary>
    /// Publishes <paramref name="letters"/> and waits until the broker has them all, at most <paramref name="timeout"/>;
    /// throws if any could not be delivered in time, so the caller retries instead of committing.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<(ConsumeResult<byte[]?, byte[]?> Source, string Reason, string ReasonTag)> letters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A fresh tracker per call: an abandoned (timed out) wait must not leak into the next one.
        var tracker = new BatchProducer(_producer);
        foreach (var (source, reason, tag) in letters)
        {
            Publish(source, reason, tracker.Track(), tag);
        }

        try
        {
            await tracker.CompleteAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{letters.Count} dead letters were not acknowledged within {timeout.TotalSeconds:F0} s.", ex);
        }
    }

    byte[]? FitValue(byte[]? value, byte[]? key, Headers headers)
    {
        var overhead = (key?.Length ?? 0) + 512;
        foreach (var header in headers)
        {
            overhead += header.Key.Length + (header.GetValueBytes()?.Length ?? 0) + 16;
        }

        // Room for the three headers added below.
        overhead += 256;
        if (value is null || value.Length + overhead <= _maxMessageBytes)
        {
            return value;
        }

        var kept = _maxMessageBytes - overhead;
        headers.Add(DeadLetterHeaders.Truncated, Encoding.UTF8.GetBytes(
            $"value cut to its first {kept} of {value.Length} bytes: larger than the {_maxMessageBytes} byte dead-letter limit"));
        headers.Add(DeadLetterHeaders.OriginalSize, Encoding.UTF8.GetBytes(value.Length.ToString(CultureInfo.InvariantCulture)));
        headers.Add(DeadLetterHeaders.OriginalSha256, Encoding.UTF8.GetBytes(Convert.ToHexStringLower(SHA256.HashData(value))));
        return value[..kept];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettering {Topic}[{Partition}]@{Offset}: {Reason}")]
    static partial void LogDeadLetter(ILogger logger, string topic, int partition, long offset, string reason);
}
