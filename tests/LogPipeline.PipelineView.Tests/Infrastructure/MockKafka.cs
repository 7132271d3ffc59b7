using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Hosting.Kafka;
using LogPipeline.Kafka;

namespace LogPipeline.PipelineView.Tests.Infrastructure;

/// <summary>
/// librdkafka's mock cluster (the real wire protocol on loopback), one per test class, with what the pipeline's
/// services would do to it: produce raw and scored records, dead-letter, and commit offsets as a consumer group.
/// </summary>
public sealed class MockKafka : IDisposable
{
    public const int Partitions = 3;

    readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();
    readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;

    public MockKafka()
    {
        _producer = new(() => new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = BootstrapServers, Acks = Acks.All, LingerMs = 0 }).Build());
    }

    public string BootstrapServers => _cluster.BootstrapServers;

    internal PipelineTopics CreateTopics()
    {
        var topics = PipelineTopics.Unique();
        _cluster.CreateTopic(topics.Raw, Partitions);
        _cluster.CreateTopic(topics.Scored, Partitions);
        _cluster.CreateTopic(topics.DeadLetter, 1);
        return topics;
    }

    /// <summary>Produces <paramref name="count"/> messages to one partition and waits for the broker's acknowledgements.</summary>
    public void Produce(string topic, int partition, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _producer.Value.Produce(new TopicPartition(topic, partition), new Message<byte[]?, byte[]?> { Value = Encoding.UTF8.GetBytes($"m{i}") });
        }

        _producer.Value.Flush(TimeSpan.FromSeconds(10));
    }

    /// <summary>Produces scored records as the scorer does (ScoredLog JSON, trace context in the headers).</summary>
    public void ProduceScored(string topic, IEnumerable<ScoredLog> logs, ActivityContext trace = default)
    {
        foreach (var log in logs)
        {
            var headers = new Headers();
            if (trace != default)
            {
                using var activity = new Activity("score").SetParentId(trace.TraceId, trace.SpanId, trace.TraceFlags).Start();
                KafkaTraceContext.Inject(activity, headers);
            }

            _producer.Value.Produce(topic, new Message<byte[]?, byte[]?>
            {
                Key = Encoding.UTF8.GetBytes(log.Log.LogIdentifier),
                Value = new LogRecordSerializer().Serialize(log),
                Headers = headers,
            });
        }

        _producer.Value.Flush(TimeSpan.FromSeconds(10));
    }

    /// <summary>Commits <paramref name="offset"/> on one partition as consumer group <paramref name="group"/> (as the scorer or writer would after a batch).</summary>
    public void Commit(string group, string topic, int partition, long offset)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = group, EnableAutoCommit = false }).Build();
        consumer.Commit([new TopicPartitionOffset(topic, partition, offset)]);
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Dispose();
        }

        _cluster.Dispose();
    }
}
