namespace LogPipeline.Generator.Traffic;

/// <summary>The kinds of anomaly the generator injects; <see cref="None"/> is normal traffic.</summary>
public enum AnomalyKind
{
    None,
    /// <summary>A response 20–100 times slower than its endpoint's median.</summary>
    LatencySpike,
    /// <summary>Server errors (5xx, ERROR level) on one endpoint.</summary>
    ErrorBurst,
    /// <summary>One unknown IP probing admin and non-existent paths, answered with 404.</summary>
    PathScan,
    /// <summary>Ordinary-looking requests from an IP and user never seen in the client pool.</summary>
    UnusualIp,
}
