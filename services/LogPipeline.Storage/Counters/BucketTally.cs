using LogPipeline.Contracts;

namespace LogPipeline.Storage.Counters;

/// <summary>
/// One roll-up item's additions from a batch: the fixed counters, and the requests and anomalies per route, which
/// <see cref="Resolve"/> turns into counter names once the item's current routes are known.
/// </summary>
sealed class BucketTally
{
    readonly Dictionary<string, double> _counters = new(StringComparer.Ordinal);
    readonly Dictionary<string, (double Requests, double Anomalies)> _routes = new(StringComparer.Ordinal);

    public void Add(ScoredLog scored, string route)
    {
        var log = scored.Log;
        var isAnomaly = scored.Verdict.IsAnomaly;
        Increment(_counters, CounterNames.Total, 1);
        Increment(_counters, CounterNames.Level(log.LogLevel), 1);
        Increment(_counters, CounterNames.StatusClass(log.StatusCode), 1);
        Increment(_counters, CounterNames.Latency(LatencyHistogram.BucketOf(log.ResponseTime)), 1);
        Increment(_counters, CounterNames.ResponseTimeSum, log.ResponseTime);
        if (isAnomaly)
        {
            Increment(_counters, CounterNames.Anomalies, 1);
        }

        _routes.TryGetValue(route, out var tally);
        _routes[route] = (tally.Requests + 1, tally.Anomalies + (isAnomaly ? 1 : 0));
    }

    /// <summary>
    /// The counters to add to an item that already counts <paramref name="existing"/> routes: known routes keep their
    /// counters, new ones get one while the item has room (busiest first), the rest go to <see cref="CounterNames.OtherRoute"/>.
    /// </summary>
    /// <param name="newRoutes">How many routes this update adds to the item.</param>
    public Dictionary<string, double> Resolve(BucketRoutes existing, int maxRoutes, out int newRoutes)
    {
        var counters = new Dictionary<string, double>(_counters, StringComparer.Ordinal);
        newRoutes = 0;
        var room = Math.Max(0, maxRoutes - existing.Count);
        var fresh = new List<KeyValuePair<string, (double Requests, double Anomalies)>>();
        foreach (var route in _routes)
        {
            if (existing.Known.Contains(route.Key))
            {
                AddRoute(counters, route.Key, route.Value);
            }
            else
            {
                fresh.Add(route);
            }
        }

        if (fresh.Count > room)
        {
            fresh.Sort((a, b) => a.Value.Requests != b.Value.Requests ? b.Value.Requests.CompareTo(a.Value.Requests) : string.CompareOrdinal(a.Key, b.Key));
        }

        foreach (var route in fresh)
        {
            if (newRoutes < room && route.Key != CounterNames.OtherRoute)
            {
                newRoutes++;
                AddRoute(counters, route.Key, route.Value);
            }
            else
            {
                AddRoute(counters, CounterNames.OtherRoute, route.Value);
            }
        }

        return counters;
    }

    static void AddRoute(Dictionary<string, double> counters, string route, (double Requests, double Anomalies) tally)
    {
        Increment(counters, CounterNames.RouteRequests(route), tally.Requests);
        if (tally.Anomalies > 0)
        {
            Increment(counters, CounterNames.RouteAnomalies(route), tally.Anomalies);
        }
    }

    static void Increment(Dictionary<string, double> counters, string name, double amount)
    {
        counters.TryGetValue(name, out var value);
        counters[name] = value + amount;
    }
}
