using System.Runtime.InteropServices;
using LogPipeline.Contracts;

namespace LogPipeline.Scorer.Features;

/// <summary>
/// Turns a web-access log into the vector the Random Cut Forest scores. One global forest cannot know what is normal
/// for each route or client, so the features carry that knowledge: each compares the record with its route's or its
/// client's own history. Each is on a scale where the normal spread is under about one unit, because RCF cuts
/// dimensions in proportion to their range:
/// <list type="number">
/// <item>latency against the route's usual: log10 of the response time in ms less the route's usual for a successful
/// answer (the site's usual while the route has none), no lower than -1 (normal within about ±0.3; a 20–100x spike is
/// 1.3–2),</item>
/// <item>status rarity on the route: -log10 of the status class's smoothed share of the route's answers, scaled
/// (0 for the route's usual answer; a 5xx where 0.2% of answers are one about 0.9; a 404 on a route that often
/// answers 404 is less unusual than on one that never does),</item>
/// <item>route novelty, 1/(1 + times the route was seen): ~0 for the site's routes, 1 for a scanner's probes
/// (see <see cref="LogRoutes.RouteOf"/>),</item>
/// <item>client newness, e^(-seconds since the client was first seen / 10) times how surprising a first-seen client is
/// lately (-log10 of the decayed share of requests that came from a client never seen before, over 2, at most 1): ~0
/// for regular clients, ~1 for every request of one that appeared moments ago once the site's clients are known, and
/// low while they are not (right after the scorer starts, most clients are new to it, so newness means little). The
/// client is the user when the log names one, otherwise the IP address: a known user on a new address (a phone, a new
/// home network) is not a stranger,</item>
/// <item>client rate, log2(1 + requests from this IP address in the last ~15 s of event time, exponentially decayed):
/// a regular client sends a request now and then, a scanner or a burst from one client dozens at once,</item>
/// <item>server-error surge, for a 5xx only: log2(1 + the route's 5xx answers in the last ~10 s of event time,
/// exponentially decayed, this one included) / 2, 0 for any other answer. Every error of a burst on one route is
/// further out than the one before, so the forest, which learns from each, cannot get used to the burst while it
/// lasts.</item>
/// </list>
/// Not thread-safe: one extractor per consumer.
/// </summary>
public sealed class LogFeatureExtractor
{
    public const int FeatureCount = 6;

    /// <summary>Half-life of the per-client request count, in event-time milliseconds.</summary>
    const double RateHalfLifeMs = 10_000;

    /// <summary>A client's newness falls by e every this many seconds after it was first seen.</summary>
    const double NewnessSeconds = 10;

    /// <summary>Weight of the newest request in the decayed share of requests from first-seen clients (a half-life of ~350 requests).</summary>
    const double FirstSeenShareDecay = 0.002;

    /// <summary>-log10 of the first-seen share that makes a new client fully surprising: one request in a hundred.</summary>
    const double FirstSeenSurpriseScale = 2;

    /// <summary>Half-life of a route's server-error count, in event-time milliseconds.</summary>
    const double SurgeHalfLifeMs = 10_000;

    /// <summary>The server-error surge is log2(1 + count) divided by this.</summary>
    const double SurgeScale = 2;

    /// <summary>Status rarity is divided by this: a 5xx at 0.2% (-log10 ≈ 2.7) is then about as far out as a new client.</summary>
    const double StatusRarityScale = 3;

    /// <summary>How much faster than its route's usual a record may look: a 304 or a shed 503 is quick, not anomalous.</summary>
    const double MaxSpeedUp = -1;

    /// <summary>The user id of requests without an authenticated user.</summary>
    const string AnonymousUser = "-";

    // Bounds memory against a flood of unique paths or clients; after a reset everything looks new for a short while.
    const int MaxTrackedKeys = 100_000;

    readonly Dictionary<string, RouteBaseline> _routes = new(StringComparer.Ordinal);
    readonly RouteBaseline _site = new();
    readonly Dictionary<string, long> _clientFirstSeen = new(StringComparer.Ordinal);
    readonly Dictionary<string, (long Timestamp, double Count)> _ipRates = new(StringComparer.Ordinal);
    readonly Dictionary<string, (long Timestamp, double Count)> _serverErrors = new(StringComparer.Ordinal);

    // Starts at 1: before the scorer has seen anyone, every client is new and newness tells nothing.
    double _firstSeenShare = 1;

    public void Extract(LogRecord log, Span<float> features)
    {
        var logLatency = LogLatency(log);
        var routeName = LogRoutes.RouteOf(log.Path);
        var route = Route(routeName);

        // A route without a history of its own is compared with the whole site's: a 45 s error on a path never seen is
        // as slow and as rare as anywhere else.
        var usual = route.HasLatency ? route : _site;
        features[0] = (float)(usual.HasLatency ? Math.Max(MaxSpeedUp, logLatency - usual.LatencyMean) : 0);
        features[1] = (float)((route.Answers > 0 ? route : _site).StatusRarity(log.StatusCode) / StatusRarityScale);
        features[2] = 1f / (1 + route.Requests);
        features[3] = Newness(log.UserId is { Length: > 0 } user && user != AnonymousUser ? user : log.IpAddress, log.Timestamp);
        features[4] = (float)Math.Log2(1 + DecayedCount(_ipRates, log.IpAddress, log.Timestamp, RateHalfLifeMs));
        features[5] = log.StatusCode >= 500 ? (float)(Math.Log2(1 + DecayedCount(_serverErrors, routeName, log.Timestamp, SurgeHalfLifeMs)) / SurgeScale) : 0;
        route.Seen();
    }

    /// <summary>
    /// Adds a scored record to its route's status mix and usual latency, unless it was flagged: like the threshold,
    /// the baselines learn only from what passed, so a burst of errors on one route cannot make errors look usual
    /// there while it lasts. (Route novelty, client age and rate learn from every record in <see cref="Extract"/>.)
    /// </summary>
    public void Learn(LogRecord log, bool flagged)
    {
        if (!flagged)
        {
            var logLatency = LogLatency(log);
            Route(LogRoutes.RouteOf(log.Path)).Add(log.StatusCode, logLatency);
            _site.Add(log.StatusCode, logLatency);
        }
    }

    static double LogLatency(LogRecord log) => Math.Log10(1 + (Math.Max(0, log.ResponseTime) * 1000));

    RouteBaseline Route(string route)
    {
        if (_routes.Count >= MaxTrackedKeys)
        {
            _routes.Clear();
        }

        ref var baseline = ref CollectionsMarshal.GetValueRefOrAddDefault(_routes, route, out _);
        return baseline ??= new RouteBaseline();
    }

    float Newness(string client, long timestamp)
    {
        if (_clientFirstSeen.Count >= MaxTrackedKeys)
        {
            _clientFirstSeen.Clear();
        }

        ref var firstSeen = ref CollectionsMarshal.GetValueRefOrAddDefault(_clientFirstSeen, client, out var exists);
        if (!exists)
        {
            firstSeen = timestamp;
        }

        _firstSeenShare += FirstSeenShareDecay * ((exists ? 0 : 1) - _firstSeenShare);
        var surprise = Math.Clamp(-Math.Log10(_firstSeenShare) / FirstSeenSurpriseScale, 0, 1);
        var ageSeconds = Math.Max(0, timestamp - firstSeen) / 1000.0;
        return (float)(Math.Exp(-ageSeconds / NewnessSeconds) * surprise);
    }

    /// <summary>Adds one event for <paramref name="key"/> and returns its count, each earlier one halved every <paramref name="halfLifeMs"/>.</summary>
    static double DecayedCount(Dictionary<string, (long Timestamp, double Count)> counts, string key, long timestamp, double halfLifeMs)
    {
        if (counts.Count >= MaxTrackedKeys)
        {
            counts.Clear();
        }

        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out var exists);
        var elapsed = exists ? Math.Max(0, timestamp - entry.Timestamp) : 0;
        var count = (exists ? entry.Count * Math.Pow(0.5, elapsed / halfLifeMs) : 0) + 1;
        entry = (Math.Max(timestamp, entry.Timestamp), count);
        return count;
    }

    /// <summary>The route's recent server errors behind a server-error surge feature (the inverse of its formula).</summary>
    public static double ServerErrorsBehind(float surge) => Math.Pow(2, surge * SurgeScale) - 1;
}
