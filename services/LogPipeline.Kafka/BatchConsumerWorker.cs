using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka;

/// <summary>
/// The consume → process → commit loop every pipeline stage shares. A batch's offsets are committed only once every
/// record of it is durably processed or durably dead-lettered. Failures are told apart by
/// <see cref="FailureClassifier"/>: transient ones (outages, throttling) are retried with capped exponential backoff
/// and jitter until they pass; a permanent failure, or an unclassified one that persists past
/// <see cref="BatchConsumerOptions.MaxAttemptsBeforeIsolation"/> attempts, is narrowed down by splitting the batch
/// and retrying the halves, until the records that cause it stand alone and go to the dead-letter topic while the
/// rest proceeds. Processing must be idempotent: after a crash, a rebalance or a split, records are processed again.
/// </summary>
public abstract partial class BatchConsumerWorker : BackgroundService
{
    static readonly Meter Meter = new("LogPipeline.Kafka");

    readonly IConsumer<byte[]?, byte[]?> _consumer;
    readonly BatchConsumerOptions _options;
    readonly DeadLetterPublisher _deadLetters;
    protected ILogger Logger { get; }
    readonly Counter<long> _consumed;
    readonly Counter<long> _retries;
    readonly Histogram<double> _batchDuration;
    readonly ConcurrentDictionary<TopicPartition, long> _lag = new();
    readonly KeyValuePair<string, object?> _groupTag;
    readonly List<(ConsumeResult<byte[]?, byte[]?> Source, string Reason, string ReasonTag)> _poison = [];

    // Stopwatch timestamps (0 when none), read by the health check and the age gauge from other threads.
    long _batchStartedAt;
    long _retryingSince;

    protected BatchConsumerWorker(IConsumer<byte[]?, byte[]?> consumer, BatchConsumerOptions options, DeadLetterPublisher deadLetters, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttemptsBeforeIsolation, 1);
        _consumer = consumer;
        _options = options;
        _deadLetters = deadLetters;
        Logger = logger;
        _groupTag = new("messaging.consumer.group.name", options.ConsumerGroup);
        _consumed = Meter.CreateCounter<long>("logpipeline.kafka.consumed", "{message}", "Messages consumed and committed.");
        _retries = Meter.CreateCounter<long>("logpipeline.kafka.batch.retries", "{retry}", "Failed attempts at a batch or part of one, by failure kind.");
        _batchDuration = Meter.CreateHistogram<double>("logpipeline.kafka.batch.duration", "s", "Time to process one batch.");
        Meter.CreateObservableGauge("logpipeline.kafka.consumer.lag", ObserveLag, "{message}", "Messages behind the end of each partition.");
        Meter.CreateObservableGauge("logpipeline.kafka.batch.uncommitted_age", ObserveUncommittedAge, "s", "Age of the oldest consumed batch not committed yet (0 when none).");
    }

    public WorkerState State { get; private set; } = WorkerState.Starting;

    public string? LastError { get; private set; }

    public long CommittedMessages { get; private set; }

    /// <summary>Records of consumed batches sent to the dead-letter topic by the isolation of failures.</summary>
    public long IsolatedMessages { get; private set; }

    /// <summary>How long the current batch has been failing (zero while it is not).</summary>
    public TimeSpan RetryingFor => Elapsed(Volatile.Read(ref _retryingSince));

    /// <summary>Age of the batch consumed but not committed yet (zero when none).</summary>
    public TimeSpan UncommittedFor => Elapsed(Volatile.Read(ref _batchStartedAt));

    public BatchConsumerOptions Options => _options;

    /// <summary>Where this stage's records go when they cannot be processed.</summary>
    protected DeadLetterPublisher DeadLetters => _deadLetters;

    /// <summary>Messages behind the end of each assigned partition, as of the last batch.</summary>
    public IReadOnlyDictionary<TopicPartition, long> Lag => _lag;

    /// <summary>
    /// Processes <paramref name="batch"/> (a whole consumed batch, or a part of one while a failure is isolated) and
    /// returns once it is durable. Throws if it is not; the exception's type says whether to retry or isolate.
    /// </summary>
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

                Volatile.Write(ref _batchStartedAt, Stopwatch.GetTimestamp());
                var started = Stopwatch.GetTimestamp();
                _poison.Clear();
                await ProcessIsolatingAsync(batch, stoppingToken).ConfigureAwait(false);
                await DeadLetterPoisonAsync(stoppingToken).ConfigureAwait(false);
                _batchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _groupTag);
                Recovered(batch.Count);
                Commit(batch);
                Volatile.Write(ref _batchStartedAt, 0);
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
        var first = TryConsume(() => _consumer.Consume(stoppingToken));
        if (first is null || first.IsPartitionEOF)
        {
            return;
        }

        batch.Add(first);
        var bytes = (long)(first.Message.Value?.Length ?? 0);
        var deadline = Stopwatch.GetTimestamp() + (long)(_options.MaxBatchWait.TotalSeconds * Stopwatch.Frequency);
        while (batch.Count < _options.MaxBatchSize && (_options.MaxBatchBytes <= 0 || bytes < _options.MaxBatchBytes))
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var next = TryConsume(() => _consumer.Consume(remaining));
            if (next is null)
            {
                break;
            }

            if (!next.IsPartitionEOF)
            {
                batch.Add(next);
                bytes += next.Message.Value?.Length ?? 0;
            }
        }
    }

    /// <summary>
    /// A consumer error that is not fatal (a subscribed topic not created yet, a partition moving) ends the batch being
    /// filled instead of the stage: librdkafka goes on fetching and the next poll carries on.
    /// </summary>
    ConsumeResult<byte[]?, byte[]?>? TryConsume(Func<ConsumeResult<byte[]?, byte[]?>?> consume)
    {
        try
        {
            return consume();
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            LogConsumeError(Logger, _options.Topic, ex.Error.Code, ex.Error.Reason);
            return null;
        }
    }

    /// <summary>Returns once every record of <paramref name="records"/> is processed or queued in <see cref="_poison"/>.</summary>
    async Task ProcessIsolatingAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, CancellationToken stoppingToken)
    {
        var delay = _options.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessBatchAsync(records, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var kind = FailureClassifier.Classify(ex);
                Failed(ex, kind);
                if (kind == FailureKind.Permanent || (kind == FailureKind.Unknown && attempt >= _options.MaxAttemptsBeforeIsolation))
                {
                    await IsolateAsync(records, ex, kind, attempt, stoppingToken).ConfigureAwait(false);
                    return;
                }

                var wait = Jitter(delay);
                LogRetrying(Logger, records.Count, attempt, wait.TotalMilliseconds, kind, ex.GetType().Name, ex.Message);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
        }
    }

    async Task IsolateAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, Exception error, FailureKind kind, int attempts, CancellationToken stoppingToken)
    {
        if (records.Count == 1)
        {
            var reason = kind == FailureKind.Permanent
                ? $"{error.GetType().Name}: {error.Message}"
                : $"failed {attempts} times: {error.GetType().Name}: {error.Message}";
            _poison.Add((records[0], reason, kind == FailureKind.Permanent ? "permanent_failure" : "persistent_failure"));
            return;
        }

        LogSplitting(Logger, records.Count, kind, error.GetType().Name);
        var half = records.Count / 2;
        await ProcessIsolatingAsync(Slice(records, 0, half), stoppingToken).ConfigureAwait(false);
        await ProcessIsolatingAsync(Slice(records, half, records.Count - half), stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Publishes the batch's isolated records, retrying (never committing) until the broker has them.</summary>
    async Task DeadLetterPoisonAsync(CancellationToken stoppingToken)
    {
        if (_poison.Count == 0)
        {
            return;
        }

        var delay = _options.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _deadLetters.PublishAsync(_poison, _options.RetryMaxDelay * 3, stoppingToken).ConfigureAwait(false);
                IsolatedMessages += _poison.Count;
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Failed(ex, FailureKind.Transient);
                var wait = Jitter(delay);
                LogRetrying(Logger, _poison.Count, attempt, wait.TotalMilliseconds, FailureKind.Transient, ex.GetType().Name, "dead-lettering: " + ex.Message);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
        }
    }

    void Failed(Exception error, FailureKind kind)
    {
        if (State != WorkerState.Retrying)
        {
            Volatile.Write(ref _retryingSince, Stopwatch.GetTimestamp());
        }

        State = WorkerState.Retrying;
        LastError = $"{kind}: {error.GetType().Name}: {error.Message}";
        _retries.Add(1, _groupTag, new("error.kind", KindTag(kind)));
    }

    void Recovered(int count)
    {
        if (State == WorkerState.Retrying)
        {
            LogRecovered(Logger, count, RetryingFor.TotalSeconds, _poison.Count);
        }

        State = WorkerState.Running;
        LastError = null;
        Volatile.Write(ref _retryingSince, 0);
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

    Measurement<double> ObserveUncommittedAge() => new(UncommittedFor.TotalSeconds, _groupTag);

    static TimeSpan Elapsed(long since) => since == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since);

    static IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> Slice(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, int start, int count)
    {
        var slice = new ConsumeResult<byte[]?, byte[]?>[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = records[start + i];
        }

        return slice;
    }

    static string KindTag(FailureKind kind) => kind switch
    {
        FailureKind.Transient => "transient",
        FailureKind.Permanent => "permanent",
        _ => "unknown",
    };

    static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromMilliseconds(delay.TotalMilliseconds * (0.5 + Random.Shared.NextDouble() / 2));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consuming {Topic} failed, polling on: {Code}: {Reason}")]
    static partial void LogConsumeError(ILogger logger, string topic, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Topic} as group {Group} in batches of up to {BatchSize}")]
    static partial void LogSubscribed(ILogger logger, string topic, string group, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch of {Count} failed (attempt {Attempt}, {Kind}); retrying in {DelayMs:F0} ms without committing: {ErrorType}: {Error}")]
    static partial void LogRetrying(ILogger logger, int count, int attempt, double delayMs, FailureKind kind, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch of {Count} failed ({Kind}, {ErrorType}); splitting it to isolate the records that cause it")]
    static partial void LogSplitting(ILogger logger, int count, FailureKind kind, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch of {Count} done after failing for {Seconds:F1} s; {Isolated} records isolated to the dead-letter topic")]
    static partial void LogRecovered(ILogger logger, int count, double seconds, int isolated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit of a batch of {Count} failed; it will be redelivered: {Reason}")]
    static partial void LogCommitFailed(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the consumer failed: {Reason}")]
    static partial void LogCloseFailed(ILogger logger, string reason);
}
