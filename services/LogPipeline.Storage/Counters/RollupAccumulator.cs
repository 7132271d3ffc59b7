using LogPipeline.Contracts;

namespace LogPipeline.Storage.Counters;

/// <summary>Adds logs up in memory, per roll-up item (granularity and bucket), before one update per item.</summary>
sealed class RollupAccumulator
{
    const long MinuteMs = 60_000;
    const long HourMs = 3_600_000;

    readonly Dictionary<(CounterGranularity Granularity, long BucketStart), Dictionary<string, double>> _buckets = [];

    public int ItemCount => _buckets.Count;

    public IEnumerable<KeyValuePair<(CounterGranularity Granularity, long BucketStart), Dictionary<string, double>>> Items => _buckets;

    /// <summary>How many roll-up items adding <paramref name="log"/> would create (0, 1 or 2).</summary>
    public int NewItemsFor(ScoredLog log) =>
        (_buckets.ContainsKey((CounterGranularity.Minute, WriteSharding.BucketStart(log.Timestamp, MinuteMs))) ? 0 : 1)
        + (_buckets.ContainsKey((CounterGranularity.Hour, WriteSharding.BucketStart(log.Timestamp, HourMs))) ? 0 : 1);

    public void Add(ScoredLog log)
    {
        Add(Bucket(CounterGranularity.Minute, WriteSharding.BucketStart(log.Timestamp, MinuteMs)), log);
        Add(Bucket(CounterGranularity.Hour, WriteSharding.BucketStart(log.Timestamp, HourMs)), log);
    }

    public void Clear() => _buckets.Clear();

    public static long BucketMilliseconds(CounterGranularity granularity) => granularity == CounterGranularity.Minute ? MinuteMs : HourMs;

    Dictionary<string, double> Bucket(CounterGranularity granularity, long start)
    {
        if (!_buckets.TryGetValue((granularity, start), out var counters))
        {
            counters = new Dictionary<string, double>(StringComparer.Ordinal);
            _buckets[(granularity, start)] = counters;
        }

        return counters;
    }

    static void Add(Dictionary<string, double> counters, ScoredLog log)
    {
        Increment(counters, CounterNames.Total, 1);
        Increment(counters, CounterNames.Level(log.LogLevel), 1);
        Increment(counters, CounterNames.StatusClass(log.StatusCode), 1);
        Increment(counters, CounterNames.Path(log.Path), 1);
        Increment(counters, CounterNames.Latency(LatencyHistogram.BucketOf(log.ResponseTime)), 1);
        Increment(counters, CounterNames.ResponseTimeSum, log.ResponseTime);
        if (log.IsAnomaly)
        {
            Increment(counters, CounterNames.Anomalies, 1);
            Increment(counters, CounterNames.PathAnomalies(log.Path), 1);
        }
    }

    static void Increment(Dictionary<string, double> counters, string name, double amount)
    {
        counters.TryGetValue(name, out var value);
        counters[name] = value + amount;
    }
}
