namespace LogPipeline.LoadHarness;

/// <summary>
/// Delivery guarantees under load, from the marked records: every one acknowledged by the broker must become readable
/// through the Query API (else lost), and the writer's counter of their route must count each exactly once (a
/// higher total is doubled counting). <see cref="CounterTotal"/> is null when the counter could not be read.
/// </summary>
public sealed record DeliveryCheck(int Marked, int Acknowledged, int Queryable, int Lost, int NeverScored, int ScoredTwice, double? CounterTotal)
{
    public double? Doubled => CounterTotal is { } total ? Math.Max(0, total - Queryable) : null;

    public double? Uncounted => CounterTotal is { } total ? Math.Max(0, Queryable - total) : null;
}
