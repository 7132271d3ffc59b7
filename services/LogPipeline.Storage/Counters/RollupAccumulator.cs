using LogPipeline.Contracts;

namespace LogPipeline.Storage.Counters;

/// <summary>Adds logs up in memory, per roll-up item (granularity and bucket), before one update per item.</summary>
sealed class RollupAccumulator
{
    const long MinuteMs = 60_000;
    const long HourMs = 3_600_000;

    readonly Dictionary<(CounterGranularity Granularity, long BucketStart), BucketTally> _buckets = [];

    public int ItemCount => _buckets.Count;

    public IEnumerable<KeyValuePair<(CounterGranularity Granularity, long BucketStart), BucketTally>> Items => _buckets;

    /// <summary>How many roll-up items adding <paramref name="log"/> would create (0, 1 or 2).</summary>
    public int NewItemsFor(LogRecord log) =>
        (_buckets.ContainsKey((CounterGranularity.Minute, WriteSharding.BucketStart(log.Timestamp, MinuteMs))) ? 0 : 1)
        + (_buckets.ContainsKey((CounterGranularity.Hour, WriteSharding.BucketStart(log.Timestamp, HourMs))) ? 0 : 1);

    public void Add(ScoredLog scored)
    {
        var log = scored.Log;
        var route = CounterNames.RouteOf(log.Path);
        Bucket(CounterGranularity.Minute, WriteSharding.BucketStart(log.Timestamp, MinuteMs)).Add(scored, route);
        Bucket(CounterGranularity.Hour, WriteSharding.BucketStart(log.Timestamp, HourMs)).Add(scored, route);
    }

    public void Clear() => _buckets.Clear();

    public static long BucketMilliseconds(CounterGranularity granularity) => granularity == CounterGranularity.Minute ? MinuteMs : HourMs;

    BucketTally Bucket(CounterGranularity granularity, long start)
    {
        if (!_buckets.TryGetValue((granularity, start), out var tally))
        {
            tally = new BucketTally();
            _buckets[(granularity, start)] = tally;
        }

        return tally;
    }
}
