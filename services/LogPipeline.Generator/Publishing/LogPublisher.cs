using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Options;

namespace LogPipeline.Generator.Publishing;

/// <summary>
/// Hands records to the Kafka producer for the raw topic, keyed by <c>log_identifier</c>, each inside a
/// "logs.raw publish" producer span whose context travels in the message headers. Thread-safe.
/// </summary>
public sealed class LogPublisher
{
    readonly IProducer<byte[]?, byte[]?> _producer;
    readonly string _activityName;

    public LogPublisher(IProducer<byte[]?, byte[]?> producer, IOptions<TopicOptions> topics)
    {
        _producer = producer;
        Topic = topics.Value.Raw;
        _activityName = Topic + " publish";
    }

    public string Topic { get; }

    public IProducer<byte[]?, byte[]?> Producer => _producer;

    /// <summary>Queues <paramref name="record"/>; false when the client's queue is full (try again later).</summary>
    public bool TryPublish(LogRecord record, LogRecordSerializer serializer, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered) =>
        TryPublish(Encoding.UTF8.GetBytes(record.LogIdentifier), serializer.Serialize(record), record.LogIdentifier, record.InjectedAnomaly, onDelivered);

    /// <summary>Queues a message of arbitrary bytes; false when the client's queue is full (try again later).</summary>
    public bool TryPublish(byte[]? key, byte[] value, string? logIdentifier, string? anomaly, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered)
    {
        using var activity = GeneratorTelemetry.ActivitySource.StartActivity(_activityName, ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", Topic);
            if (logIdentifier is not null)
            {
                activity.SetTag("messaging.kafka.message.key", logIdentifier);
                activity.SetTag("logpipeline.log_identifier", logIdentifier);
            }

            if (anomaly is not null)
            {
                activity.SetTag("logpipeline.injected_anomaly", anomaly);
            }
        }

        var headers = new Headers();
        KafkaTraceContext.Inject(activity, headers);
        try
        {
            _producer.Produce(Topic, new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers }, onDelivered);
            return true;
        }
        catch (ProduceException<byte[]?, byte[]?> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "local queue full");
            return false;
        }
    }
}
