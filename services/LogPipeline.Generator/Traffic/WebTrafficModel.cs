using System.Globalization;
using LogPipeline.Contracts;

namespace LogPipeline.Generator.Traffic;

/// <summary>
/// Creates realistic access logs of a web shop: endpoints by Zipf popularity, regular clients from a pool,
/// mostly successful answers with some 4xx and rare 5xx, log-normal response times around each endpoint's median,
/// and labelled anomalies. Pure and seeded: the same seed and the same sequence of calls give the same content
/// (only <c>log_identifier</c>, a GUID v7, differs). Not thread-safe: one caller at a time.
/// </summary>
public sealed class WebTrafficModel
{
    /// <summary>Share of ordinary requests that fail on the server.</summary>
    public const double ServerErrorRate = 0.002;

    public const double MinSpikeFactor = 20;
    public const double MaxSpikeFactor = 100;

    /// <summary>Where a gateway gives up on a slow upstream and answers 504.</summary>
    const double GatewayTimeoutSeconds = 30;

    const int MaxResourceId = 2_000;
    const string AnonymousUser = "-";
    const string EdgeService = "storefront";

    readonly Random _traffic;
    // Anomaly content has its own stream, so injecting a burst does not change the normal traffic that follows.
    readonly Random _anomalies;
    readonly double _anomalyProbability;
    readonly AnomalyEpisode[] _episodes = new AnomalyEpisode[AnomalyLabels.All.Length];

    public WebTrafficModel(int seed, double anomalyProbability = 0.01, int userCount = 500, EndpointCatalogue? catalogue = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(anomalyProbability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(anomalyProbability, 1);
        _traffic = new Random(seed);
        _anomalies = new Random(seed ^ 0x5EED);
        _anomalyProbability = anomalyProbability;
        Catalogue = catalogue ?? EndpointCatalogue.Shop;
        Clients = new ClientPool(userCount, new Random(seed ^ 0xC11E));
        foreach (var kind in AnomalyLabels.Injectable)
        {
            BeginEpisode(kind);
        }
    }

    public EndpointCatalogue Catalogue { get; }

    public ClientPool Clients { get; }

    public double AnomalyProbability => _anomalyProbability;

    /// <summary>The next request: normal traffic, or with the anomaly probability a single injected anomaly.</summary>
    public LogRecord Next(long timestamp)
    {
        if (_anomalyProbability > 0 && _traffic.NextDouble() < _anomalyProbability)
        {
            var kind = AnomalyLabels.Injectable[_traffic.Next(AnomalyLabels.Injectable.Length)];
            BeginEpisode(kind);
            return NextAnomaly(kind, timestamp);
        }

        return NextNormal(timestamp);
    }

    /// <summary>A request of normal traffic (never labelled).</summary>
    public LogRecord NextNormal(long timestamp)
    {
        var endpoint = Catalogue.Pick(_traffic.NextDouble());
        var (userId, ipAddress) = Clients.Pick(_traffic);
        return Answer(endpoint, userId, ipAddress, timestamp, _traffic, AnomalyKind.None);
    }

    /// <summary>
    /// Starts a new episode of <paramref name="kind"/>: the records that follow share a degraded endpoint
    /// (latency spike, error burst), a scanner (path scan) or a stranger (unusual IP).
    /// </summary>
    public void BeginEpisode(AnomalyKind kind)
    {
        _episodes[(int)kind] = kind switch
        {
            AnomalyKind.LatencySpike or AnomalyKind.ErrorBurst => new(Catalogue.Pick(_anomalies.NextDouble()), null, null),
            AnomalyKind.PathScan => new(null, ClientPool.StrangerAddress(_anomalies), AnonymousUser),
            AnomalyKind.UnusualIp => new(null, ClientPool.StrangerAddress(_anomalies), Clients.StrangerUserId(_anomalies)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Normal traffic has no episodes."),
        };
    }

    /// <summary>The next record of the current episode of <paramref name="kind"/>, labelled with it.</summary>
    public LogRecord NextAnomaly(AnomalyKind kind, long timestamp)
    {
        var episode = _episodes[(int)kind];
        return kind switch
        {
            AnomalyKind.LatencySpike => LatencySpike(episode.Endpoint!, timestamp),
            AnomalyKind.ErrorBurst => ServerError(episode.Endpoint!, timestamp),
            AnomalyKind.PathScan => Probe(episode.IpAddress!, episode.UserId!, timestamp),
            AnomalyKind.UnusualIp => Answer(Catalogue.Pick(_anomalies.NextDouble()), episode.UserId!, episode.IpAddress!, timestamp, _anomalies, kind),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use NextNormal for normal traffic."),
        };
    }

    LogRecord LatencySpike(EndpointProfile endpoint, long timestamp)
    {
        var (userId, ipAddress) = Clients.Pick(_anomalies);
        var responseTime = endpoint.MedianSeconds * _anomalies.NextDouble(MinSpikeFactor, MaxSpikeFactor);
        return Create(endpoint.Method, PathOf(endpoint, _anomalies), endpoint.Service, endpoint.SuccessStatus, responseTime,
            SuccessBytes(endpoint, _anomalies), userId, ipAddress, Level(endpoint, endpoint.SuccessStatus), timestamp, AnomalyKind.LatencySpike);
    }

    LogRecord ServerError(EndpointProfile endpoint, long timestamp)
    {
        var (userId, ipAddress) = Clients.Pick(_anomalies);
        var status = ServerErrorStatus(_anomalies);
        return Create(endpoint.Method, PathOf(endpoint, _anomalies), endpoint.Service, status, ResponseTime(endpoint, status, _anomalies),
            Bytes(endpoint, status, _anomalies), userId, ipAddress, "ERROR", timestamp, AnomalyKind.ErrorBurst);
    }

    LogRecord Probe(string ipAddress, string userId, long timestamp)
    {
        var (method, path) = ScanTargets.All[_anomalies.Next(ScanTargets.All.Length)];
        return Create(method, path, EdgeService, 404, _anomalies.NextLogNormal(0.008, 0.4), (long)_anomalies.NextLogNormal(230, 0.2),
            userId, ipAddress, "WARN", timestamp, AnomalyKind.PathScan);
    }

    LogRecord Answer(EndpointProfile endpoint, string userId, string ipAddress, long timestamp, Random random, AnomalyKind kind)
    {
        var path = PathOf(endpoint, random);
        var status = Status(endpoint, random);
        return Create(endpoint.Method, path, endpoint.Service, status, ResponseTime(endpoint, status, random), Bytes(endpoint, status, random),
            userId, ipAddress, Level(endpoint, status), timestamp, kind);
    }

    static string PathOf(EndpointProfile endpoint, Random random) =>
        endpoint.HasId ? endpoint.PathFor(1 + random.Next(MaxResourceId)) : endpoint.Template;

    static int Status(EndpointProfile endpoint, Random random)
    {
        var draw = random.NextDouble();
        if (draw < ServerErrorRate)
        {
            return ServerErrorStatus(random);
        }

        if (draw < ServerErrorRate + endpoint.ClientErrorRate)
        {
            return endpoint.ClientErrorStatus;
        }

        return endpoint.NotModifiedRate > 0 && random.NextDouble() < endpoint.NotModifiedRate ? 304 : endpoint.SuccessStatus;
    }

    static int ServerErrorStatus(Random random) => random.NextDouble() switch
    {
        < 0.55 => 500,
        < 0.70 => 502,
        < 0.90 => 503,
        _ => 504,
    };

    static double ResponseTime(EndpointProfile endpoint, int status, Random random) => status switch
    {
        304 => random.NextLogNormal(endpoint.MedianSeconds * 0.3, 0.3),
        503 => random.NextLogNormal(0.004, 0.3), // shed at once by an overloaded backend
        504 => random.NextDouble(GatewayTimeoutSeconds, GatewayTimeoutSeconds + 0.05),
        >= 500 => random.NextLogNormal(endpoint.MedianSeconds * 1.5, endpoint.LatencySigma),
        >= 400 => random.NextLogNormal(endpoint.MedianSeconds * 0.5, endpoint.LatencySigma),
        _ => random.NextLogNormal(endpoint.MedianSeconds, endpoint.LatencySigma),
    };

    static long Bytes(EndpointProfile endpoint, int status, Random random) => status switch
    {
        204 or 304 => 0,
        >= 300 and < 400 => (long)random.NextLogNormal(180, 0.05),
        >= 500 => (long)random.NextLogNormal(450, 0.2),
        >= 400 => (long)random.NextLogNormal(250, 0.3),
        _ => SuccessBytes(endpoint, random),
    };

    static long SuccessBytes(EndpointProfile endpoint, Random random) =>
        endpoint.MedianBytes == 0 ? 0 : Math.Max(1, (long)random.NextLogNormal(endpoint.MedianBytes, 0.25));

    static string Level(EndpointProfile endpoint, int status) => status switch
    {
        >= 500 => "ERROR",
        >= 400 => "WARN",
        _ => endpoint.LogsAtDebug ? "DEBUG" : "INFO",
    };

    static LogRecord Create(string method, string path, string service, int status, double responseTime, long bytesSent,
        string userId, string ipAddress, string level, long timestamp, AnomalyKind kind)
    {
        responseTime = Math.Round(responseTime, 6);
        return new LogRecord
        {
            LogIdentifier = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(timestamp)).ToString(),
            Timestamp = timestamp,
            LogLevel = level,
            IpAddress = ipAddress,
            UserId = userId,
            Method = method,
            Path = path,
            StatusCode = status,
            ResponseTime = responseTime,
            BytesSent = bytesSent,
            Service = service,
            InjectedAnomaly = AnomalyLabels.InjectedLabel(kind),
            // The access-log line: client, user, request line, status, bytes, seconds.
            Message = string.Create(CultureInfo.InvariantCulture,
                $"{ipAddress} - {userId} \"{method} {path} HTTP/1.1\" {status} {bytesSent} {responseTime:0.000}"),
        };
    }
}
