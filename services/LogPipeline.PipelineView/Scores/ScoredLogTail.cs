using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using LogPipeline.PipelineView.Kafka;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView.Scores;

/// <summary>
/// Follows the scored topic from its end in a consumer group of its own (unique per process, never committing: the
/// view only watches) and hands every scored record to the <see cref="ScoreBoard"/>.
/// </summary>
public sealed partial class ScoredLogTail(
    IConfiguration configuration, IOptions<TopicOptions> topics, ScoreBoard board, ILoggerFactory loggers, ILogger<ScoredLogTail> logger)
    : BackgroundService
{
    /// <summary>The group id's prefix; the rest (host, process, random) keeps every running view's group apart.</summary>
    public const string GroupPrefix = "pipeline-view-";

    static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(250);

    volatile bool _assigned;

    /// <summary>True once the broker assigned the scored topic's partitions to this view.</summary>
    public bool IsAssigned => _assigned;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume blocks: the loop gets a thread of its own instead of holding up the host's start.
        Task.Factory.StartNew(() => Follow(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    void Follow(CancellationToken stoppingToken)
    {
        var group = $"{GroupPrefix}{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        using var consumer = KafkaClientFactory.CreateConsumer(configuration, KafkaOffsetSampler.ConnectionName, group, loggers, config =>
        {
            config.AutoOffsetReset = AutoOffsetReset.Latest;
            config.EnableAutoCommit = false;
        });
        consumer.Subscribe(topics.Value.Scored);
        LogFollowing(logger, topics.Value.Scored, group);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]?>? result;
                try
                {
                    result = consumer.Consume(PollTimeout);
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    // e.g. the topic does not exist yet on an external cluster: keep following, it may appear.
                    LogConsumeError(logger, ex.Error.Reason);
                    continue;
                }

                if (!_assigned)
                {
                    _assigned = consumer.Assignment.Count > 0;
                }

                if (result?.Message?.Value is not { } value)
                {
                    continue;
                }

                // Not a scored log: the writer dead-letters it, the view has nothing to chart.
                if (!LogRecordReader.TryReadScored(value, LogRecordRules.Default, referenceMs: null, out var scored, out _))
                {
                    continue;
                }

                var trace = KafkaTraceContext.Extract(result.Message.Headers);
                board.Add(scored, trace == default ? null : trace.TraceId.ToHexString());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading scored logs failed, retrying: {Reason}")]
    static partial void LogConsumeError(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following {Topic} from its end in consumer group {Group} (never committing).")]
    static partial void LogFollowing(ILogger logger, string topic, string group);
}
