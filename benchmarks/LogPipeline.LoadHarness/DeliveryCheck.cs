namespace LogPipeline.LoadHarness;

/// <summary>
/// Delivery guarantees under load, from the marked records: every one acknowledged by the broker must become readable
/// through the Query API (else lost; <see cref="Late"/> ones were readable only once the stages had caught up after
/// the deadline), and the writer's counter of their route must count each exactly once (a
/// higher total is doubled counting). <see cref="CounterTotal"/> is null when the counter could not be read. Unless
/// the stages <see cref="Drained"/> (caught up) at the end, records may still be on their way: then none counts as
/// lost or doubled for sure.
/// </summary>
public sealed record DeliveryCheck(int Marked, int Acknowledged, int Queryable, int Lost, int Late, int NeverScored, int ScoredTwice, double? CounterTotal, bool Drained)
{
    public double? Doubled => Drained && CounterTotal is { } total ? Math.Max(0, total - Queryable - Late) : null;

    public double? Uncounted => Drained && CounterTotal is { } total ? Math.Max(0, Queryable + Late - total) : null;
}
