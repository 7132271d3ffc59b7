using Confluent.Kafka;

namespace LogPipeline.Kafka;

/// <summary>
/// Produces a batch and waits until every message of it is acknowledged by the broker, so a consumer can commit
/// the offsets the batch covers. One instance per worker, reused batch after batch: one delivery handler, no
/// per-message task.
/// </summary>
public sealed class BatchProducer
{
    readonly IProducer<byte[]?, byte[]?> _producer;
    readonly Action<DeliveryReport<byte[]?, byte[]?>> _onDelivered;
    int _pending;
    Error? _firstError;
    TaskCompletionSource _allDelivered = NewCompletionSource();

    public BatchProducer(IProducer<byte[]?, byte[]?> producer)
    {
        _producer = producer;
        _onDelivered = OnDelivered;
    }

    public IProducer<byte[]?, byte[]?> Producer => _producer;

    /// <summary>The handler to pass to Produce for a message that belongs to the current batch.</summary>
    public Action<DeliveryReport<byte[]?, byte[]?>> Track()
    {
        // A batch abandoned by an exception before CompleteAsync leaves a completed source behind once its messages
        // are delivered; the next batch must wait for its own messages, not find that one already done.
        if (Interlocked.Increment(ref _pending) == 1 && _allDelivered.Task.IsCompleted)
        {
            _allDelivered = NewCompletionSource();
        }

        return _onDelivered;
    }

    public void Produce(string topic, Message<byte[]?, byte[]?> message)
    {
        var handler = Track();
        while (true)
        {
            try
            {
                _producer.Produce(topic, message, handler);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: let the client send what it holds, then try again.
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
            catch
            {
                OnDelivered(null);
                throw;
            }
        }
    }

    /// <summary>Waits for every tracked message; throws if any of them failed. Resets for the next batch.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var completion = _allDelivered;
        if (Volatile.Read(ref _pending) > 0)
        {
            await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var error = _firstError;
        _firstError = null;
        _allDelivered = NewCompletionSource();
        if (error is not null)
        {
            throw new KafkaException(error);
        }
    }

    void OnDelivered(DeliveryReport<byte[]?, byte[]?>? report)
    {
        if (report is { Error.IsError: true })
        {
            Interlocked.CompareExchange(ref _firstError, report.Error, null);
        }

        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allDelivered.TrySetResult();
        }
    }

    static TaskCompletionSource NewCompletionSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
