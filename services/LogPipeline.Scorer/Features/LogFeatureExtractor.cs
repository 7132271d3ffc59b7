using LogPipeline.Contracts;

namespace LogPipeline.Scorer.Features;

/// <summary>
/// Turns a web-access log into the vector the Random Cut Forest scores. Each feature is on a scale where the normal
/// spread is about one unit, because RCF cuts dimensions in proportion to their range:
/// <list type="number">
/// <item>log10 of the response time in ms (normal 1–2.5; a 50x latency spike adds ~1.7),</item>
/// <item>severity: 0 for a success or redirect, 1 for a client error (4xx or WARN), 2 for a server error (5xx or
/// ERROR) — one dimension, so that a common 404 is not counted as unusual twice, in its status and in its level,</item>
/// <item>path novelty, 1/(1 + times the path's route was seen): ~0 for the site's routes, 1 for a scanner's probes
/// (the route is the path without its query and with numeric or hexadecimal id segments replaced, so
/// <c>/products/541</c> and <c>/products/7</c> are one route),</item>
/// <item>client newness, 1/(1 + seconds since the IP address was first seen / 30): ~0 for regular clients, ~1 for every
/// request of a client that appeared moments ago (a count-based novelty would forget a stranger after its first request),</item>
/// <item>client rate, log2(1 + requests from this IP address in the last ~15 s of event time, exponentially decayed):
/// a regular client sends a request now and then, a scanner or a burst from one client dozens at once.</item>
/// </list>
/// Not thread-safe: one extractor per consumer.
/// </summary>
public sealed class LogFeatureExtractor
{
    public const int FeatureCount = 5;

    /// <summary>Half-life of the per-client request count, in event-time milliseconds.</summary>
    const double RateHalfLifeMs = 10_000;

    /// <summary>A client this many seconds old has newness 0.5.</summary>
    public const double NewnessScaleSeconds = 30;

    // Bounds memory against a flood of unique paths or IPs; after a reset everything looks new for a short while.
    const int MaxTrackedKeys = 100_000;

    readonly Dictionary<string, int> _pathCounts = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _ipFirstSeen = new(StringComparer.Ordinal);
    readonly Dictionary<string, (long Timestamp, double Count)> _ipRates = new(StringComparer.Ordinal);

    public void Extract(LogRecord log, Span<float> features)
    {
        features[0] = (float)Math.Log10(1 + Math.Max(0, log.ResponseTime) * 1000);
        features[1] = Severity(log);
        features[2] = Novelty(_pathCounts, LogRoutes.RouteOf(log.Path));
        features[3] = Newness(log.IpAddress, log.Timestamp);
        features[4] = Rate(log.IpAddress, log.Timestamp);
    }

    float Newness(string key, long timestamp)
    {
        if (_ipFirstSeen.Count >= MaxTrackedKeys)
        {
            _ipFirstSeen.Clear();
        }

        ref var firstSeen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ipFirstSeen, key, out var exists);
        if (!exists)
        {
            firstSeen = timestamp;
        }

        var ageSeconds = Math.Max(0, timestamp - firstSeen) / 1000.0;
        return (float)(1 / (1 + ageSeconds / NewnessScaleSeconds));
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

    static float Severity(LogRecord log) =>
        log.StatusCode >= 500 || log.LogLevel == "ERROR" ? 2
        : log.StatusCode >= 400 || log.LogLevel == "WARN" ? 1
        : 0;

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
