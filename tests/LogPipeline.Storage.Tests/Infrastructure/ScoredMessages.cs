using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Contracts;

namespace LogPipeline.Storage.Tests.Infrastructure;

/// <summary>Kafka messages of <c>logs.scored</c>, as the scorer produces them.</summary>
public static class ScoredMessages
{
    public static Message<byte[]?, byte[]?> Message(ScoredLog log, Headers? headers = null) => new()
    {
        Key = Encoding.UTF8.GetBytes(log.Log.LogIdentifier),
        Value = new LogRecordSerializer().Serialize(log),
        Headers = headers ?? [],
    };

    public static ConsumeResult<byte[]?, byte[]?> Consumed(Message<byte[]?, byte[]?> message, string topic, int partition, long offset) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(topic, partition, offset),
        Message = message,
    };

    public static Message<byte[]?, byte[]?> Raw(string value) => new() { Key = null, Value = Encoding.UTF8.GetBytes(value), Headers = [] };
}
