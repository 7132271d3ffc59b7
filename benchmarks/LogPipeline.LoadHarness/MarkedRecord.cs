namespace LogPipeline.LoadHarness;

/// <summary>
/// One record the harness produced itself, with a known id and the time it was handed to the producer; what happened
/// to it is filled in by the producer's delivery report, <see cref="ScoredWatcher"/> and <see cref="QueryablePoller"/>.
/// </summary>
public sealed class MarkedRecord(string id, int rateIndex, long sentAtMs)
{
    const long Unset = -1;

    long _acknowledgedAt = Unset;
    long _scoredAt = Unset;
    long _queryableAt = Unset;
    int _scoredCopies;
    int _lost;
    int _late;

    public string Id { get; } = id;

    /// <summary>The rate (index into the run's rates) in force when it was sent.</summary>
    public int RateIndex { get; } = rateIndex;

    public long SentAtMs { get; } = sentAtMs;

    public string? DeliveryError { get; private set; }

    public bool Acknowledged => Interlocked.Read(ref _acknowledgedAt) != Unset;

    /// <summary>How many times it appeared on the scored topic (more than once: redelivered and scored again).</summary>
    public int ScoredCopies => Volatile.Read(ref _scoredCopies);

    public bool Lost => Volatile.Read(ref _lost) != 0;

    /// <summary>Not readable within the deadline, but readable once the stages had caught up: late, not lost.</summary>
    public bool Late => Volatile.Read(ref _late) != 0;

    public long? ScoredLatencyMs => Latency(ref _scoredAt);

    /// <summary>When the scorer produced it to the scored topic (epoch ms), once seen there.</summary>
    public long? ScoredAtMs => Interlocked.Read(ref _scoredAt) is var at && at != Unset ? at : null;

    public long? QueryableLatencyMs => Latency(ref _queryableAt);

    public bool Resolved => Lost || Interlocked.Read(ref _queryableAt) != Unset || DeliveryError is not null;

    public void MarkAcknowledged(long atMs) => Interlocked.CompareExchange(ref _acknowledgedAt, atMs, Unset);

    public void MarkDeliveryFailed(string reason) => DeliveryError = reason;

    /// <summary>Seen on the scored topic at <paramref name="atMs"/>; the first sighting counts for the latency.</summary>
    public void MarkScored(long atMs)
    {
        Interlocked.CompareExchange(ref _scoredAt, atMs, Unset);
        Interlocked.Increment(ref _scoredCopies);
    }

    public void MarkQueryable(long atMs) => Interlocked.CompareExchange(ref _queryableAt, atMs, Unset);

    public void MarkLost() => Volatile.Write(ref _lost, 1);

    public void MarkFoundLate()
    {
        Volatile.Write(ref _late, 1);
        Volatile.Write(ref _lost, 0);
    }

    long? Latency(ref long at)
    {
        var value = Interlocked.Read(ref at);
        return value == Unset ? null : Math.Max(0, value - SentAtMs);
    }
}
