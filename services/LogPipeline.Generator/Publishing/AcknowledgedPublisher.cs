using Confluent.Kafka;
using LogPipeline.Contracts;
using Microsoft.Extensions.Options;

namespace LogPipeline.Generator.Publishing;

/// <summary>
/// Publishes what the control API is given and answers only once the broker acknowledged (or rejected) all of it.
/// </summary>
public sealed class AcknowledgedPublisher(LogPublisher publisher, GeneratorMetrics metrics, IOptions<GeneratorOptions> options)
{
    static readonly TimeSpan QueueFullBackoff = TimeSpan.FromMilliseconds(20);

    public async Task<PublishOutcome> PublishLogsAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        var tracker = new DeliveryTracker(metrics);
        var serializer = new LogRecordSerializer();
        foreach (var record in records)
        {
            await PublishAsync(tracker, () => publisher.TryPublish(record, serializer, tracker.OnDelivered), cancellationToken).ConfigureAwait(false);
        }

        var outcome = await tracker.WaitAsync(options.Value.AcknowledgementTimeout, cancellationToken).ConfigureAwait(false);
        if (outcome.Acknowledged)
        {
            metrics.RecordSubmittedLogs(outcome.Count);
        }

        return outcome;
    }

    public async Task<PublishOutcome> PublishRawAsync(byte[]? key, IReadOnlyList<byte[]> values, CancellationToken cancellationToken)
    {
        var tracker = new DeliveryTracker(metrics);
        foreach (var value in values)
        {
            await PublishAsync(tracker, () => publisher.TryPublish(key, value, logIdentifier: null, anomaly: null, tracker.OnDelivered), cancellationToken)
                .ConfigureAwait(false);
        }

        var outcome = await tracker.WaitAsync(options.Value.AcknowledgementTimeout, cancellationToken).ConfigureAwait(false);
        if (outcome.Acknowledged)
        {
            metrics.RecordSubmittedRaw(outcome.Count);
        }

        return outcome;
    }

    static async Task PublishAsync(DeliveryTracker tracker, Func<bool> tryPublish, CancellationToken cancellationToken)
    {
        tracker.Expect();
        try
        {
            while (!tryPublish())
            {
                await Task.Delay(QueueFullBackoff, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (KafkaException ex)
        {
            // Refused before it was queued (too large, unknown topic): reported like a failed delivery.
            tracker.Refused(ex.Error);
        }
    }
}
