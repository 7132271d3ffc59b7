using Confluent.Kafka;

namespace LogPipeline.Generator.Publishing;

/// <summary>Waits for the broker's answer on every message of one batch, with a single delivery handler.</summary>
sealed class DeliveryTracker
{
    readonly GeneratorMetrics _metrics;
    readonly TaskCompletionSource _allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Starts at one for the batch itself, so the tracker cannot complete while messages are still being added.
    int _pending = 1;
    int _count;
    int _failed;
    string? _firstError;

    public DeliveryTracker(GeneratorMetrics metrics)
    {
        _metrics = metrics;
        OnDelivered = Delivered;
    }

    public Action<DeliveryReport<byte[]?, byte[]?>> OnDelivered { get; }

    /// <summary>Call before each Produce that uses <see cref="OnDelivered"/>.</summary>
    public void Expect()
    {
        Interlocked.Increment(ref _pending);
        _count++;
    }

    /// <summary>Call when the client refused the message expected last (Produce threw): it counts as failed.</summary>
    public void Refused(Error error) => Delivered(new DeliveryReport<byte[]?, byte[]?> { Error = error });

    public async Task<PublishOutcome> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Answered();
        try
        {
            await _allAnswered.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new(_count, Volatile.Read(ref _failed), Volatile.Read(ref _firstError), TimedOut: true);
        }

        return new(_count, _failed, _firstError, TimedOut: false);
    }

    void Delivered(DeliveryReport<byte[]?, byte[]?> report)
    {
        if (report.Error.IsError)
        {
            _metrics.RecordDeliveryError(report.Error);
            Interlocked.CompareExchange(ref _firstError, $"{report.Error.Code}: {report.Error.Reason}", null);
            Interlocked.Increment(ref _failed);
        }

        Answered();
    }

    void Answered()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allAnswered.TrySetResult();
        }
    }
}
