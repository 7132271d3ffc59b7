using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Generator.Publishing;
using LogPipeline.Generator.Traffic;
using Microsoft.Extensions.Options;

namespace LogPipeline.Generator.Generation;

/// <summary>
/// The rate loop: every tick it produces the records the token bucket allows at the current rate, then up to
/// <see cref="MaxBurstRecordsPerTick"/> records of requested anomaly bursts. Records are handed to the Kafka client
/// without waiting; the cached per-kind delivery handlers count what the broker acknowledged.
/// </summary>
public sealed class TrafficGenerator(
    LogPublisher publisher,
    GeneratorControl control,
    GeneratorMetrics metrics,
    IOptions<GeneratorOptions> options,
    TimeProvider timeProvider,
    ILogger<TrafficGenerator> logger) : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Bursts go out at up to 10,000 records a second on top of the normal rate.</summary>
    public const int MaxBurstRecordsPerTick = 500;

    static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    readonly WebTrafficModel _model = new(options.Value.Seed, options.Value.AnomalyProbability, options.Value.UserCount);
    readonly LogRecordSerializer _serializer = new();
    readonly TokenBucket _bucket = new();
    AnomalyBurst _burst;
    // A record the client's full queue did not take; it goes first on the next tick.
    LogRecord? _unsent;
    AnomalyKind _unsentKind;
    int _flushed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        GeneratorLog.Started(logger, publisher.Topic, control.RatePerSecond, settings.Seed, settings.AnomalyProbability);
        using var timer = new PeriodicTimer(TickInterval, timeProvider);
        var lastTick = timeProvider.GetTimestamp();
        var lastProgress = lastTick;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = timeProvider.GetTimestamp();
                Tick(timeProvider.GetElapsedTime(lastTick, now));
                lastTick = now;
                if (timeProvider.GetElapsedTime(lastProgress, now) >= ProgressInterval)
                {
                    lastProgress = now;
                    GeneratorLog.Progress(logger, metrics.Sent, metrics.ProducedTotal(), control.RatePerSecond, metrics.DeliveryErrors, metrics.LastDeliveryError ?? "none");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // A host may stop its services more than once; by the second time the producer can be disposed.
        if (Interlocked.Exchange(ref _flushed, 1) == 0)
        {
            GeneratorLog.Flushing(logger, publisher.Topic);
            publisher.Producer.Flush(FlushTimeout);
        }
    }

    void Tick(TimeSpan elapsed)
    {
        metrics.RecordTick();
        var due = _bucket.Take(control.RatePerSecond, elapsed);
        if (_unsent is not null && !TrySend(_unsent, _unsentKind))
        {
            _bucket.Return(due);
            return;
        }

        for (var i = 0; i < due; i++)
        {
            var record = _model.Next(Now());
            if (!TrySend(record, AnomalyLabels.KindOf(record.InjectedAnomaly)))
            {
                _bucket.Return(due - i - 1);
                return;
            }
        }

        SendBursts();
    }

    void SendBursts()
    {
        for (var budget = MaxBurstRecordsPerTick; budget > 0; budget--)
        {
            if (_burst.Count == 0)
            {
                if (!control.TryTakeBurst(out _burst))
                {
                    return;
                }

                _model.BeginEpisode(_burst.Kind);
                GeneratorLog.InjectingBurst(logger, _burst.Count, AnomalyLabels.Label(_burst.Kind));
            }

            var kind = _burst.Kind;
            var record = _model.NextAnomaly(kind, Now());
            _burst = _burst with { Count = _burst.Count - 1 };
            control.BurstRecordGenerated(kind);
            if (!TrySend(record, kind))
            {
                return;
            }
        }
    }

    bool TrySend(LogRecord record, AnomalyKind kind)
    {
        try
        {
            if (publisher.TryPublish(record, _serializer, metrics.DeliveryHandler(kind)))
            {
                metrics.RecordSent();
                _unsent = null;
                return true;
            }
        }
        catch (KafkaException ex)
        {
            // Refused outright (not a full queue): retrying the same record would fail the same way.
            GeneratorLog.Refused(logger, ex);
            metrics.RecordDeliveryError(ex.Error);
            _unsent = null;
            return true;
        }

        if (_unsent is null)
        {
            GeneratorLog.QueueFull(logger);
        }

        _unsent = record;
        _unsentKind = kind;
        return false;
    }

    long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
