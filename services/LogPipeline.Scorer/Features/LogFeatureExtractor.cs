using LogPipeline.Contracts;

namespace LogPipeline.Scorer.Features;

/// <summary>
/// Turns a web-access log into the vector the Random Cut Forest scores. Each feature is on a scale where the normal
/// spread is about one unit, because RCF cuts dimensions in proportion to their range:
/// <list type="number">
/// <item>log10 of the response time in ms (normal 1–2.5; a 50x latency spike adds ~1.7),</item>
/// <item>the status class (2–5),</item>
/// <item>the log level (DEBUG 0 … ERROR 3),</item>
/// <item>path novelty, 1/(1 + times the path was seen): ~0 for the site's paths, 1 for a scanner's probes,</item>
/// <item>client novelty, the same for the IP address,</item>
/// <item>client rate, log2(1 + requests from this IP address in the last ~15 s of event time, exponentially decayed):
/// a regular client sends a request now and then, a scanner or a burst from one client dozens at once.</item>
/// </list>
/// Not thread-safe: one extractor per consumer.
/// </summary>
public sealed class LogFeatureExtractor
{
    public const int FeatureCount = 6;

    /// <summary>Half-life of the per-client request count, in event-time milliseconds.</summary>
    const double RateHalfLifeMs = 10_000;

    // Bounds memory against a flood of unique paths or IPs; after a reset everything looks new for a short while.
    const int MaxTrackedKeys = 100_000;

    readonly Dictionary<string, int> _pathCounts = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _ipCounts = new(StringComparer.Ordinal);
    readonly Dictionary<string, (long Timestamp, double Count)> _ipRates = new(StringComparer.Ordinal);

    public void Extract(LogRecord log, Span<float> features)
    {
        features[0] = (float)Math.Log10(1 + Math.Max(0, log.ResponseTime) * 1000);
        features[1] = log.StatusCode / 100;
        features[2] = log.LogLevel switch
        {
            "DEBUG" => 0,
            "INFO" => 1,
            "WARN" => 2,
            _ => 3,
        };
        features[3] = Novelty(_pathCounts, log.Path);
        features[4] = Novelty(_ipCounts, log.IpAddress);
        features[5] = Rate(log.IpAddress, log.Timestamp);
    }

    float Rate(string key, long timestamp)
    {
        if (_ipRates.Count >= MaxTrackedKeys)
        {
            _ipRates.Clear();
        }

        ref var rate = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ipRates, key, out var exists);
        var elapsed = exists ? Math.Max(0, timestamp - rate.Timestamp) : 0;
        var count = (exists ? rate.Count * Math.Pow(0.5, elapsed / RateHalfLifeMs) : 0) + 1;
        rate = (Math.Max(timestamp, rate.Timestamp), count);
        return (float)Math.Log2(1 + count);
    }

    static float Novelty(Dictionary<string, int> counts, string key)
    {
        if (counts.Count >= MaxTrackedKeys)
        {
            counts.Clear();
        }

        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        var novelty = 1f / (1 + count);
        count++;
        return novelty;
    }
}
