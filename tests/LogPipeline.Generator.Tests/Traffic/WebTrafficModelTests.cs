using LogPipeline.Contracts;
using LogPipeline.Generator.Traffic;

namespace LogPipeline.Generator.Tests.Traffic;

public class WebTrafficModelTests
{
    const long Start = 1_700_000_000_000;
    const int Seed = 7;

    static List<LogRecord> Normal(WebTrafficModel model, int count)
    {
        var records = new List<LogRecord>(count);
        for (var i = 0; i < count; i++)
        {
            records.Add(model.NextNormal(Start + i));
        }

        return records;
    }

    static List<LogRecord> Anomalies(WebTrafficModel model, AnomalyKind kind, int count)
    {
        model.BeginEpisode(kind);
        var records = new List<LogRecord>(count);
        for (var i = 0; i < count; i++)
        {
            records.Add(model.NextAnomaly(kind, Start + i));
        }

        return records;
    }

    static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    [Fact]
    public void StatusCodesAreMostlySuccessfulWithSomeClientErrorsAndRareServerErrors()
    {
        var records = Normal(new WebTrafficModel(Seed, anomalyProbability: 0), 50_000);

        int ok = 0, clientErrors = 0, serverErrors = 0;
        var codes = new HashSet<int>();
        foreach (var record in records)
        {
            codes.Add(record.StatusCode);
            switch (record.StatusCode)
            {
                case 200 or 201 or 204 or 301 or 304: ok++; break;
                case >= 400 and < 500: clientErrors++; break;
                case >= 500: serverErrors++; break;
                default: Assert.Fail($"unexpected status {record.StatusCode}"); break;
            }
        }

        Assert.InRange(ok / (double)records.Count, 0.95, 0.995);
        Assert.InRange(clientErrors / (double)records.Count, 0.005, 0.04);
        Assert.InRange(serverErrors / (double)records.Count, 0.0005, 0.005);
        Assert.Superset(new HashSet<int> { 200, 201, 204, 301, 304, 404, 401 }, codes);
    }

    [Fact]
    public void ResponseTimesOfEachEndpointAreCentredOnItsMedianBetween40And250Milliseconds()
    {
        var model = new WebTrafficModel(Seed, anomalyProbability: 0);
        var byEndpoint = new Dictionary<EndpointProfile, List<double>>();
        foreach (var record in Normal(model, 60_000))
        {
            var endpoint = model.Catalogue.Find(record.Method, record.Path);
            Assert.NotNull(endpoint);
            if (record.StatusCode == endpoint.SuccessStatus)
            {
                (byEndpoint.TryGetValue(endpoint, out var times) ? times : byEndpoint[endpoint] = []).Add(record.ResponseTime);
            }
        }

        Assert.Equal(model.Catalogue.Endpoints.Count, byEndpoint.Count);
        foreach (var (endpoint, times) in byEndpoint)
        {
            Assert.InRange(endpoint.MedianSeconds, 0.040, 0.250);
            var median = Median(times);
            Assert.True(Math.Abs(median - endpoint.MedianSeconds) < endpoint.MedianSeconds * 0.15,
                $"{endpoint}: median {median:0.000}s over {times.Count} requests, expected about {endpoint.MedianSeconds:0.000}s");
        }
    }

    [Fact]
    public void PopularityFollowsTheCatalogueOrderLikeZipf()
    {
        var model = new WebTrafficModel(Seed, anomalyProbability: 0);
        var hits = new int[model.Catalogue.Endpoints.Count];
        foreach (var record in Normal(model, 50_000))
        {
            var endpoint = model.Catalogue.Find(record.Method, record.Path)!;
            hits[IndexOf(model.Catalogue, endpoint)]++;
        }

        Assert.InRange(model.Catalogue.Endpoints.Count, 25, 40);
        Assert.True(hits[0] > 5 * hits[^1], $"most popular {hits[0]}, least popular {hits[^1]}");
        Assert.InRange(hits[0] / (double)hits[1], 1.6, 2.4); // 1/1 against 1/2
        Assert.All(hits, h => Assert.True(h > 0));
    }

    static int IndexOf(EndpointCatalogue catalogue, EndpointProfile endpoint)
    {
        for (var i = 0; i < catalogue.Endpoints.Count; i++)
        {
            if (ReferenceEquals(catalogue.Endpoints[i], endpoint))
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void WritesUseWriteMethodsAndReadsUseGet()
    {
        var records = Normal(new WebTrafficModel(Seed, anomalyProbability: 0), 20_000);

        var methods = records.Select(r => r.Method).ToHashSet();
        Assert.Superset(new HashSet<string> { "GET", "POST", "PUT", "DELETE" }, methods);
        Assert.True(records.Count(r => r.Method == "GET") > records.Count * 0.8);
        Assert.All(records.Where(r => r.Path.StartsWith("/api/payments", StringComparison.Ordinal)), r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public void LogLevelFollowsTheStatusWithAFewDebugLinesForStaticContent()
    {
        var records = Normal(new WebTrafficModel(Seed, anomalyProbability: 0), 20_000);

        foreach (var record in records)
        {
            var expected = record.StatusCode switch
            {
                >= 500 => "ERROR",
                >= 400 => "WARN",
                _ => record.Service == "static-content" ? "DEBUG" : "INFO",
            };
            Assert.Equal(expected, record.LogLevel);
        }

        Assert.InRange(records.Count(r => r.LogLevel == "DEBUG") / (double)records.Count, 0.02, 0.25);
    }

    [Fact]
    public void RecordsCarryEveryContractFieldAndAnAccessLogMessage()
    {
        var model = new WebTrafficModel(Seed, anomalyProbability: 0);
        var records = Normal(model, 2_000);

        Assert.Equal(records.Count, records.Select(r => r.LogIdentifier).Distinct().Count());
        foreach (var record in records)
        {
            Assert.True(Guid.TryParse(record.LogIdentifier, out var id) && id.Version == 7, record.LogIdentifier);
            Assert.InRange(record.Timestamp, Start, Start + records.Count);
            Assert.True(model.Clients.IsKnownUser(record.UserId), record.UserId);
            Assert.True(model.Clients.IsKnownAddress(record.IpAddress), record.IpAddress);
            Assert.False(string.IsNullOrEmpty(record.Service));
            Assert.NotNull(record.BytesSent);
            Assert.Null(record.InjectedAnomaly);
            Assert.StartsWith($"{record.IpAddress} - {record.UserId} \"{record.Method} {record.Path} HTTP/1.1\" {record.StatusCode} {record.BytesSent} ", record.Message);
        }
    }

    [Fact]
    public void EachUserComesFromAFewAddresses()
    {
        var records = Normal(new WebTrafficModel(Seed, anomalyProbability: 0, userCount: 50), 20_000);

        var addressesPerUser = records.GroupBy(r => r.UserId).Select(g => g.Select(r => r.IpAddress).Distinct().Count()).ToList();

        Assert.Equal(50, addressesPerUser.Count);
        Assert.All(addressesPerUser, n => Assert.InRange(n, 1, 3));
        Assert.Contains(addressesPerUser, n => n > 1);
    }

    [Fact]
    public void TheSameSeedGivesTheSameContent()
    {
        var first = new WebTrafficModel(Seed, anomalyProbability: 0.05);
        var second = new WebTrafficModel(Seed, anomalyProbability: 0.05);

        for (var i = 0; i < 5_000; i++)
        {
            var a = first.Next(Start + i);
            var b = second.Next(Start + i);
            Assert.NotEqual(a.LogIdentifier, b.LogIdentifier);
            Assert.Equal(a, b with { LogIdentifier = a.LogIdentifier });
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentTraffic()
    {
        var a = Normal(new WebTrafficModel(1, anomalyProbability: 0), 100).Select(r => r.Message);
        var b = Normal(new WebTrafficModel(2, anomalyProbability: 0), 100).Select(r => r.Message);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void AnomalyLabelsAppearOnlyOnInjectedRecordsAtTheConfiguredProbability()
    {
        Assert.All(Normal(new WebTrafficModel(Seed, anomalyProbability: 0.5), 2_000), r => Assert.Null(r.InjectedAnomaly));

        var model = new WebTrafficModel(Seed, anomalyProbability: 0.01);
        var labelled = new Dictionary<string, int>();
        for (var i = 0; i < 40_000; i++)
        {
            if (model.Next(Start + i).InjectedAnomaly is { } label)
            {
                labelled[label] = labelled.GetValueOrDefault(label) + 1;
            }
        }

        Assert.InRange(labelled.Values.Sum(), 300, 500);
        Assert.Equal(
            new[] { AnomalyLabels.ErrorBurst, AnomalyLabels.LatencySpike, AnomalyLabels.PathScan, AnomalyLabels.UnusualIp },
            labelled.Keys.Order());

        var unlabelled = new WebTrafficModel(Seed, anomalyProbability: 0);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Null(unlabelled.Next(Start + i).InjectedAnomaly);
        }
    }

    [Fact]
    public void LatencySpikesAreTwentyToAHundredTimesSlowerThanTheirEndpointsMedian()
    {
        var model = new WebTrafficModel(Seed);

        var spikes = Anomalies(model, AnomalyKind.LatencySpike, 500);

        Assert.All(spikes, spike =>
        {
            var endpoint = model.Catalogue.Find(spike.Method, spike.Path);
            Assert.NotNull(endpoint);
            Assert.Equal(AnomalyLabels.LatencySpike, spike.InjectedAnomaly);
            Assert.InRange(spike.ResponseTime, endpoint.MedianSeconds * 20 * 0.999, endpoint.MedianSeconds * 100 * 1.001);
            Assert.Equal(endpoint.SuccessStatus, spike.StatusCode);
        });
        var normalMedian = Median(Normal(model, 5_000).Select(r => r.ResponseTime).ToList());
        Assert.True(Median(spikes.Select(r => r.ResponseTime).ToList()) > 20 * normalMedian);
    }

    [Fact]
    public void ErrorBurstsAreServerErrorsOnOneEndpointLoggedAsErrors()
    {
        var model = new WebTrafficModel(Seed);

        var errors = Anomalies(model, AnomalyKind.ErrorBurst, 200);

        Assert.All(errors, e =>
        {
            Assert.InRange(e.StatusCode, 500, 599);
            Assert.Equal("ERROR", e.LogLevel);
            Assert.Equal(AnomalyLabels.ErrorBurst, e.InjectedAnomaly);
        });
        Assert.Single(errors.Select(e => model.Catalogue.Find(e.Method, e.Path)).Distinct());
    }

    [Fact]
    public void PathScansComeFromOneUnknownAddressProbingPathsTheShopDoesNotHave()
    {
        var model = new WebTrafficModel(Seed);

        var scan = Anomalies(model, AnomalyKind.PathScan, 100);

        var scanner = Assert.Single(scan.Select(r => r.IpAddress).Distinct());
        Assert.False(model.Clients.IsKnownAddress(scanner));
        Assert.All(scan, r =>
        {
            Assert.Equal(404, r.StatusCode);
            Assert.Equal("WARN", r.LogLevel);
            Assert.Null(model.Catalogue.Find(r.Method, r.Path));
            Assert.Equal(AnomalyLabels.PathScan, r.InjectedAnomaly);
        });
        Assert.Contains(scan, r => r.Path == "/.env");
        Assert.Contains(scan, r => r.Path == "/wp-login.php");
        Assert.True(scan.Select(r => r.Path).Distinct().Count() > 10);

        var nextScanner = Anomalies(model, AnomalyKind.PathScan, 1)[0].IpAddress;
        Assert.NotEqual(scanner, nextScanner);
    }

    [Fact]
    public void UnusualIpTrafficComesFromAnAddressAndUserNeverSeenInNormalTraffic()
    {
        var model = new WebTrafficModel(Seed);
        var normal = Normal(model, 20_000);
        var seenAddresses = normal.Select(r => r.IpAddress).ToHashSet();
        var seenUsers = normal.Select(r => r.UserId).ToHashSet();

        var unusual = Anomalies(model, AnomalyKind.UnusualIp, 50);

        Assert.All(unusual, r =>
        {
            Assert.DoesNotContain(r.IpAddress, seenAddresses);
            Assert.DoesNotContain(r.UserId, seenUsers);
            Assert.False(model.Clients.IsKnownAddress(r.IpAddress));
            Assert.False(model.Clients.IsKnownUser(r.UserId));
            Assert.NotNull(model.Catalogue.Find(r.Method, r.Path));
            Assert.Equal(AnomalyLabels.UnusualIp, r.InjectedAnomaly);
        });
    }

    [Fact]
    public void InjectingABurstDoesNotChangeTheNormalTrafficThatFollows()
    {
        var quiet = new WebTrafficModel(Seed, anomalyProbability: 0);
        var bursty = new WebTrafficModel(Seed, anomalyProbability: 0);
        Normal(quiet, 100);
        Normal(bursty, 100);

        Anomalies(bursty, AnomalyKind.PathScan, 30);

        Assert.Equal(Normal(quiet, 100).Select(r => r.Message), Normal(bursty, 100).Select(r => r.Message));
    }
}
