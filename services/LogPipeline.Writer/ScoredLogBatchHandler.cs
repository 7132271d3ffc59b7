using System.Diagnostics;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.Options;

namespace LogPipeline.Writer;

/// <summary>
/// Turns one consumer batch of <c>logs.scored</c> into stored logs and counters: valid messages are written
/// (once, however often they are delivered), invalid ones go to the dead-letter topic and the batch goes on.
/// Returns only when both are durable, so the caller may then commit the batch's offsets.
/// </summary>
public sealed partial class ScoredLogBatchHandler(
    LogBatchWriter writer,
    DeadLetterPublisher deadLetters,
    BatchProducer deadLetterProducer,
    IOptions<RecordValidationOptions> validation,
    ILogger<ScoredLogBatchHandler> logger)
{
    readonly LogRecordRules _rules = new(validation.Value);

    public const string ActivitySourceName = "LogPipeline.Writer";
    const string ProcessActivityName = "logs.scored process";

    static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public async Task<BatchWriteResult> HandleAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken)
    {
        var logs = new List<PendingLog>(batch.Count);
        var activities = new List<Activity>(ActivitySource.HasListeners() ? batch.Count : 0);
        var invalid = new List<(ConsumeResult<byte[]?, byte[]?> Message, string Error)>();
        foreach (var message in batch)
        {
            var activity = StartProcessActivity(message);
            if (activity is not null)
            {
                activities.Add(activity);
            }

            if (LogRecordReader.TryReadScored(message.Message.Value, _rules, MessageTime.ReferenceMilliseconds(message), out var log, out var error))
            {
                var rescored = message.Message.Headers?.TryGetLastBytes(ReplayHeaders.Source, out _) == true;
                logs.Add(new PendingLog(log, new SourcePosition(message.Topic, message.Partition.Value, message.Offset.Value), rescored));
            }
            else
            {
                activity?.SetStatus(ActivityStatusCode.Error, error);
                invalid.Add((message, error));
            }
        }

        var deadLettered = invalid.Count;
        try
        {
            var result = await writer.WriteAsync(logs, cancellationToken).ConfigureAwait(false);

            // Dead letters go out only once the batch is stored: a failed write is retried whole, and publishing
            // before it would repeat them in logs.dlq on every attempt. Writing is idempotent, so the reverse is safe.
            if (deadLettered > 0)
            {
                foreach (var (message, error) in invalid)
                {
                    deadLetters.Publish(message, error, deadLetterProducer.Track());
                }

                await deadLetterProducer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            LogBatchStored(logger, batch.Count, result.Written, result.Replaced, result.AlreadyStored, result.Counted, deadLettered, result.Timings.FindMs, result.Timings.CountMs, result.Timings.PutMs);
            return result;
        }
        catch (Exception ex)
        {
            foreach (var activity in activities)
            {
                activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            }

            throw;
        }
        finally
        {
            foreach (var activity in activities)
            {
                activity.Dispose();
            }
        }
    }

    static Activity? StartProcessActivity(ConsumeResult<byte[]?, byte[]?> message)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        // Each message continues its own trace (generator → scorer → writer); the span stays open until the batch
        // holding it is stored, so its duration is the real time to durability.
        var previous = Activity.Current;
        var activity = ActivitySource.StartActivity(ProcessActivityName, ActivityKind.Consumer, KafkaTraceContext.Extract(message.Message.Headers));
        Activity.Current = previous;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", message.Topic);
            activity.SetTag("messaging.destination.partition.id", message.Partition.Value);
            activity.SetTag("messaging.kafka.offset", message.Offset.Value);
        }

        return activity;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored a batch of {Count}: {Written} written ({Replaced} re-scored replacing a stored verdict), {AlreadyStored} already stored, {Counted} counted, {DeadLettered} dead-lettered; find {FindMs:F0} ms, count {CountMs:F0} ms, put {PutMs:F0} ms")]
    static partial void LogBatchStored(ILogger logger, int count, int written, int replaced, int alreadyStored, int counted, int deadLettered, double findMs, double countMs, double putMs);
}
