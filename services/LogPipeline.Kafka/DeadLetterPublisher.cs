using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka;

/// <summary>
/// Sends what a stage cannot process to the dead-letter topic: the original key and bytes unchanged, the reason and
/// the source coordinates in headers, so nothing is lost and the record can be inspected or replayed.
/// </summary>
public sealed partial class DeadLetterPublisher(IProducer<byte[]?, byte[]?> producer, string topic, string stage, ILogger<DeadLetterPublisher> logger)
{
    public string Topic => topic;

    /// <summary>Queues a dead letter; <see cref="BatchProducer.FlushAsync"/> or the batch's delivery confirms it.</summary>
    public void Publish(ConsumeResult<byte[]?, byte[]?> source, string reason, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered)
    {
        LogDeadLetter(logger, source.Topic, source.Partition.Value, source.Offset.Value, reason);
        var headers = new Headers
        {
            { DeadLetterHeaders.Stage, Encoding.UTF8.GetBytes(stage) },
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

        producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = source.Message.Key, Value = source.Message.Value, Headers = headers }, onDelivered);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettering {Topic}[{Partition}]@{Offset}: {Reason}")]
    static partial void LogDeadLetter(ILogger logger, string topic, int partition, long offset, string reason);
}
