using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka;

/// <summary>
/// The consume → process → commit loop every pipeline stage shares. A batch is processed until it succeeds
/// (retried with capped exponential backoff and jitter, never skipped) and only then are its offsets committed,
/// so no offset is committed before the data it covers is durably handled. Processing must be idempotent:
/// after a crash or rebalance the uncommitted tail is delivered again.
/// </summary>
public abstract partial class BatchConsumerWorker : BackgroundService
{
    static readonly Meter Meter = new("LogPipeline.Kafka");

    readonly IConsumer<byte[]?, byte[]?> _consumer;
    readonly BatchConsumerOptions _options;
    protected ILogger Logger { get; }
    readonly Counter<long> _consumed;
    readonly Counter<long> _retries;
    readonly Histogram<double> _batchDuration;
    readonly ConcurrentDictionary<TopicPartition, long> _lag = new();
    readonly KeyValuePair<string, object?> _groupTag;

    protected BatchConsumerWorker(IConsumer<byte[]?, byte[]?> consumer, BatchConsumerOptions options, ILogger logger)
    {
        _consumer = consumer;
        _options = options;
        Logger = logger;
        _groupTag = new("messaging.consumer.group.name", options.ConsumerGroup);
        _consumed = Meter.CreateCounter<long>("logpipeline.kafka.consumed", "{message}", "Messages consumed and committed.");
        _retries = Meter.CreateCounter<long>("logpipeline.kafka.batch.retries", "{retry}", "Batches retried after a failure.");
        _batchDuration = Meter.CreateHistogram<double>("logpipeline.kafka.batch.duration", "s", "Time to process one batch.");
        Meter.CreateObservableGauge("logpipeline.kafka.consumer.lag", ObserveLag, "{message}", "Messages behind the end of each partition.");
    }

    public WorkerState State { get; private set; } = WorkerState.Starting;

    public string? LastError { get; private set; }

    public long CommittedMessages { get; private set; }

    /// <summary>Messages behind the end of each assigned partition, as of the last batch.</summary>
    public IReadOnlyDictionary<TopicPartition, long> Lag => _lag;

    protected abstract Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    async Task RunAsync(CancellationToken stoppingToken)
    {
        _consumer.Subscribe(_options.Topic);
        LogSubscribed(Logger, _options.Topic, _options.ConsumerGroup, _options.MaxBatchSize);
        State = WorkerState.Running;
        var batch = new List<ConsumeResult<byte[]?, byte[]?>>(_options.MaxBatchSize);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                batch.Clear();
                FillBatch(batch, stoppingToken);
                if (batch.Count == 0)
                {
                    continue;
                }

                await ProcessUntilDoneAsync(batch, stoppingToken).ConfigureAwait(false);
                Commit(batch);
                UpdateLag(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not committed is delivered again to the next consumer.
        }
        finally
        {
            State = WorkerState.Stopped;
            try
            {
                _consumer.Close();
            }
            catch (KafkaException ex)
            {
                LogCloseFailed(Logger, ex.Message);
            }
        }
    }

    void FillBatch(List<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken stoppingToken)
    {
        var first = _consumer.Consume(stoppingToken);
        if (first is null || first.IsPartitionEOF)
        {
            return;
        }

        batch.Add(first);
        var deadline = Stopwatch.GetTimestamp() + (long)(_options.MaxBatchWait.TotalSeconds * Stopwatch.Frequency);
        while (batch.Count < _options.MaxBatchSize)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var next = _consumer.Consume(remaining);
            if (next is null)
            {
                break;
            }

            if (!next.IsPartitionEOF)
            {
                batch.Add(next);
            }
        }
    }

    async Task ProcessUntilDoneAsync(List<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken stoppingToken)
    {
        var delay = _options.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await ProcessBatchAsync(batch, stoppingToken).ConfigureAwait(false);
                _batchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _groupTag);
                if (State == WorkerState.Retrying)
                {
                    LogRecovered(Logger, batch.Count, attempt);
                }

                State = WorkerState.Running;
                LastError = null;
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                State = WorkerState.Retrying;
                LastError = ex.Message;
                _retries.Add(1, _groupTag);
                var wait = Jitter(delay);
                LogRetrying(Logger, batch.Count, attempt, wait.TotalMilliseconds, ex.GetType().Name, ex.Message);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
        }
    }

    void Commit(List<ConsumeResult<byte[]?, byte[]?>> batch)
    {
        var offsets = new Dictionary<TopicPartition, Offset>();
        foreach (var result in batch)
        {
            var next = result.Offset.Value + 1;
            if (!offsets.TryGetValue(result.TopicPartition, out var current) || current.Value < next)
            {
                offsets[result.TopicPartition] = new Offset(next);
            }
        }

        var list = new List<TopicPartitionOffset>(offsets.Count);
        foreach (var (partition, offset) in offsets)
        {
            list.Add(new TopicPartitionOffset(partition, offset));
        }

        try
        {
            _consumer.Commit(list);
            CommittedMessages += batch.Count;
            _consumed.Add(batch.Count, _groupTag);
        }
        catch (KafkaException ex)
        {
            // Typically a rebalance took the partitions away while the batch was processed. The batch is durably
            // handled, so redelivery to the new owner only repeats idempotent work.
            LogCommitFailed(Logger, batch.Count, ex.Error.Reason);
        }
    }

    void UpdateLag(List<ConsumeResult<byte[]?, byte[]?>> batch)
    {
        foreach (var result in batch)
        {
            var watermarks = _consumer.GetWatermarkOffsets(result.TopicPartition);
            if (watermarks.High.Value >= 0)
            {
                _lag[result.TopicPartition] = Math.Max(0, watermarks.High.Value - result.Offset.Value - 1);
            }
        }
    }

    IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var (partition, lag) in _lag)
        {
            yield return new Measurement<long>(lag,
                new("messaging.destination.name", partition.Topic),
                new("messaging.destination.partition.id", partition.Partition.Value),
                _groupTag);
        }
    }

    static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromMilliseconds(delay.TotalMilliseconds * (0.5 + Random.Shared.NextDouble() / 2));

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Topic} as group {Group} in batches of up to {BatchSize}")]
    static partial void LogSubscribed(ILogger logger, string topic, string group, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch of {Count} failed (attempt {Attempt}); retrying in {DelayMs:F0} ms without committing: {ErrorType}: {Error}")]
    static partial void LogRetrying(ILogger logger, int count, int attempt, double delayMs, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch of {Count} succeeded after {Attempt} attempts")]
    static partial void LogRecovered(ILogger logger, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit of a batch of {Count} failed; it will be redelivered: {Reason}")]
    static partial void LogCommitFailed(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the consumer failed: {Reason}")]
    static partial void LogCloseFailed(ILogger logger, string reason);
}
