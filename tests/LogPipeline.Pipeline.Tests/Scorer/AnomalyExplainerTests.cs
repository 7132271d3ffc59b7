using System.Globalization;
using LogPipeline.Contracts;
using LogPipeline.Scorer.Features;

namespace LogPipeline.Pipeline.Tests.Scorer;

public class AnomalyExplainerTests
{
    const int Features = LogFeatureExtractor.FeatureCount;

    static LogRecord Log(string path = "/products/17", string ip = "10.0.0.1", int status = 200, double seconds = 0.05, long timestamp = 1_000) => new()
    {
        LogIdentifier = Guid.NewGuid().ToString(),
        Timestamp = timestamp,
        LogLevel = status >= 500 ? "ERROR" : "INFO",
        Method = "GET",
        Path = path,
        IpAddress = ip,
        StatusCode = status,
        ResponseTime = seconds,
    };

    /// <summary>An extractor and explainer that have seen 200 ordinary requests of one regular client to one route.</summary>
    static (LogFeatureExtractor Extractor, AnomalyExplainer Explainer) Warm()
    {
        var extractor = new LogFeatureExtractor();
        var explainer = new AnomalyExplainer();
        var features = new float[Features];
        for (var i = 0; i < 200; i++)
        {
            var log = Log(path: $"/products/{i}", seconds: 0.05, timestamp: i * 60_000L);
            extractor.Extract(log, features);
            extractor.Learn(log, flagged: false);
        }

        return (extractor, explainer);
    }

    static (double[] High, double[] Low) Attribution(params (int Feature, double High, double Low)[] parts)
    {
        var (high, low) = (new double[Features], new double[Features]);
        foreach (var (feature, h, l) in parts)
        {
            (high[feature], low[feature]) = (h, l);
        }

        return (high, low);
    }

    [Fact]
    public void ALatencySpikeIsExplainedByItsResponseTimeAgainstTheRoutesUsual()
    {
        var (extractor, explainer) = Warm();
        var spike = Log(path: "/products/999", seconds: 30, timestamp: 200 * 60_000L);
        var features = new float[Features];
        extractor.Extract(spike, features);
        var (high, low) = Attribution((AnomalyExplainer.ResponseTime, 3.4, 0), (AnomalyExplainer.StatusRarity, 0.1, 0), (AnomalyExplainer.ClientRate, 0.8, 0));

        var explanation = explainer.Explain(spike, features, 4.3, high, low);

        // 30 s against a usual 50 ms: (1 + 30,000 ms) / (1 + 50 ms) ≈ 588.
        Assert.StartsWith("response time 30.0 s, ", explanation, StringComparison.Ordinal);
        var ratio = double.Parse(explanation.Split(", ")[1].Split('x')[0], CultureInfo.InvariantCulture);
        Assert.InRange(ratio, 560, 620);
        Assert.Contains("this route's usual (79 %)", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("status", explanation, StringComparison.Ordinal);
        Assert.EndsWith("; 1 request from this client in the last ~15 s (19 %)", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AScannersProbeIsExplainedByANeverSeenRouteAndANewClientStrongestFirst()
    {
        var (extractor, explainer) = Warm();
        var probe = Log(path: "/.env", ip: "203.0.113.9", status: 404, timestamp: 200 * 60_000L);
        var features = new float[Features];
        extractor.Extract(probe, features);
        var (high, low) = Attribution((AnomalyExplainer.PathNovelty, 1.2, 0), (AnomalyExplainer.ClientNewness, 1.6, 0), (AnomalyExplainer.StatusRarity, 0.2, 0));

        var explanation = explainer.Explain(probe, features, 3.0, high, low);

        Assert.Equal("client first seen moments ago (53 %); route never seen: /.env (40 %)", explanation);
    }

    [Fact]
    public void AServerErrorOnAKnownRouteNamesItsStatusAndAtMostThreeReasonsAreGiven()
    {
        var (extractor, explainer) = Warm();
        var error = Log(path: "/products/5", status: 503, seconds: 0.05, timestamp: 200 * 60_000L);
        var features = new float[Features];
        extractor.Extract(error, features);
        var (high, low) = Attribution((0, 0.6, 0), (1, 1.0, 0), (2, 0.5, 0), (3, 0, 0.5), (4, 0.4, 0));

        var explanation = explainer.Explain(error, features, 3.0, high, low);

        var reasons = explanation.Split("; ");
        Assert.Equal(3, reasons.Length);
        Assert.Equal("status 503 (server error, level ERROR), rare on this route (33 %)", reasons[0]);
        Assert.StartsWith("response time 50 ms, 1x this route's usual", reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AServerErrorInABurstNamesHowManyErrorsTheRouteAnsweredLately()
    {
        var (extractor, explainer) = Warm();
        var features = new float[Features];
        var error = Log(path: "/api/orders", status: 500, timestamp: 200 * 60_000L);
        for (var i = 0; i < 12; i++)
        {
            error = Log(path: "/api/orders", status: 500, timestamp: (200 * 60_000L) + (i * 100));
            extractor.Extract(error, features);
        }

        var (high, low) = Attribution((AnomalyExplainer.ServerErrorSurge, 2.0, 0), (AnomalyExplainer.StatusRarity, 1.0, 0));

        var explanation = explainer.Explain(error, features, 3.0, high, low);

        Assert.StartsWith("12 server errors on this route in the last ~10 s (67 %); status 500", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServerErrorSurgeOfAnAnswerThatIsNotAServerErrorSaysSo()
    {
        var (extractor, explainer) = Warm();
        var features = new float[Features];
        var success = Log(path: "/api/orders", status: 200, timestamp: 200 * 60_000L);
        extractor.Extract(success, features);
        var (high, low) = Attribution((AnomalyExplainer.ServerErrorSurge, 0, 2.0), (AnomalyExplainer.StatusRarity, 1.0, 0));

        Assert.StartsWith("not a server error (67 %)", explainer.Explain(success, features, 3.0, high, low), StringComparison.Ordinal);
    }

    [Fact]
    public void ARouteWithoutHistoryIsComparedWithTheSitesUsual()
    {
        var (extractor, explainer) = Warm();
        var log = Log(path: "/reports/annual", seconds: 2.5, timestamp: 200 * 60_000L);
        var features = new float[Features];
        extractor.Extract(log, features);
        var (high, low) = Attribution((AnomalyExplainer.ResponseTime, 2, 0));

        // The site answers in 50 ms: (1 + 2,500 ms) / (1 + 50 ms) = 49x.
        Assert.Equal("response time 2.5 s, 49x the site's usual (a route never seen) (100 %)", explainer.Explain(log, features, 2, high, low));
    }
}
