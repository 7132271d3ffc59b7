namespace LogPipeline.Scorer.Features;

/// <summary>
/// What is usual for one route: how many requests it answered with each status class, and the typical response time
/// of its successful answers (a decayed mean of log10 milliseconds, each step clipped so that a spike barely moves it).
/// </summary>
sealed class RouteBaseline
{
    const int StatusClasses = 6;

    /// <summary>Weight of the newest successful answer in the latency mean, once the route has answered this many.</summary>
    const double LatencyDecay = 0.02;

    /// <summary>The largest step one answer may move the latency mean by, in log10 ms (a factor of two).</summary>
    const double MaxLatencyStep = 0.3;

    readonly long[] _statusCounts = new long[StatusClasses];
    long _successes;

    /// <summary>Requests seen on the route, flagged or not.</summary>
    public long Requests { get; private set; }

    /// <summary>Answers learnt from (those not flagged): the status mix's denominator.</summary>
    public long Answers { get; private set; }

    /// <summary>The usual log10(1 + ms) of a successful answer; meaningless until <see cref="HasLatency"/>.</summary>
    public double LatencyMean { get; private set; }

    public bool HasLatency => _successes > 0;

    /// <summary>
    /// How unusual the status class is on this route: -log10 of its smoothed share of the route's answers so far
    /// (0 for the route's usual answer, about 2.5 for a 5xx on a route that answers 0.2% of its requests with one).
    /// </summary>
    public double StatusRarity(int status)
    {
        var share = (_statusCounts[StatusClass(status)] + 1.0) / (Answers + StatusClasses - 1);
        return -Math.Log10(share);
    }

    public void Seen() => Requests++;

    public void Add(int status, double logLatency)
    {
        Answers++;
        var statusClass = StatusClass(status);
        _statusCounts[statusClass]++;
        if (statusClass != 2)
        {
            return;
        }

        _successes++;
        if (_successes == 1)
        {
            LatencyMean = logLatency;
            return;
        }

        var weight = Math.Max(LatencyDecay, 1.0 / _successes);
        LatencyMean += weight * Math.Clamp(logLatency - LatencyMean, -MaxLatencyStep, MaxLatencyStep);
    }

    static int StatusClass(int status) => Math.Clamp(status / 100, 0, StatusClasses - 1);
}
