using LogPipeline.Contracts;
using LogPipeline.Scorer.Features;

namespace LogPipeline.Pipeline.Tests.Scorer;

public class LogFeatureExtractorTests
{
    static LogRecord Log(string path = "/api/cart", string ip = "10.0.0.1", int status = 200, double seconds = 0.05, string level = "INFO", long timestamp = 1) => new()
    {
        LogIdentifier = Guid.NewGuid().ToString(),
        Timestamp = timestamp,
        LogLevel = level,
        Method = "GET",
        Path = path,
        IpAddress = ip,
        StatusCode = status,
        ResponseTime = seconds,
    };

    static float[] Extract(LogFeatureExtractor extractor, LogRecord log)
    {
        var features = new float[LogFeatureExtractor.FeatureCount];
        extractor.Extract(log, features);
        return features;
    }

    [Fact]
    public void ResponseTimeIsOnALogScaleInMilliseconds()
    {
        var extractor = new LogFeatureExtractor();
        Assert.Equal(Math.Log10(51), Extract(extractor, Log(seconds: 0.05))[0], 4);
        Assert.Equal(Math.Log10(5001), Extract(extractor, Log(seconds: 5))[0], 4);
    }

    [Fact]
    public void SeverityIsOneDimensionForStatusAndLevel()
    {
        var extractor = new LogFeatureExtractor();
        Assert.Equal(0, Extract(extractor, Log(status: 304))[1]);
        Assert.Equal(1, Extract(extractor, Log(status: 404, level: "WARN"))[1]);
        Assert.Equal(1, Extract(extractor, Log(status: 200, level: "WARN"))[1]);
        Assert.Equal(2, Extract(extractor, Log(status: 503, level: "ERROR"))[1]);
    }

    [Fact]
    public void RouteNoveltyFallsAsARouteRecurs()
    {
        var extractor = new LogFeatureExtractor();
        var first = Extract(extractor, Log());
        for (var i = 0; i < 50; i++)
        {
            Extract(extractor, Log());
        }

        Assert.Equal(1f, first[2]);
        Assert.True(Extract(extractor, Log())[2] < 0.05f);
        Assert.Equal(1f, Extract(extractor, Log(path: "/.env"))[2]);
    }

    [Fact]
    public void ClientNewnessStaysHighForEveryRequestOfANewClientAndFadesWithItsAge()
    {
        var extractor = new LogFeatureExtractor();
        const long start = 1_700_000_000_000;
        Extract(extractor, Log(ip: "10.0.0.1", timestamp: start));
        var regular = Extract(extractor, Log(ip: "10.0.0.1", timestamp: start + 600_000))[3];
        float stranger = 0;
        for (var i = 0; i < 20; i++)
        {
            stranger = Extract(extractor, Log(ip: "203.0.113.9", timestamp: start + 600_000 + i * 50))[3];
        }

        Assert.True(regular < 0.05f, $"a client first seen 10 minutes ago has newness {regular}");
        Assert.True(stranger > 0.95f, $"the 20th request of a client first seen 1 s ago has newness {stranger}");
    }

    [Theory]
    [InlineData("/products/541", "/products/{id}")]
    [InlineData("/api/orders/12/items/3?expand=1", "/api/orders/{id}/items/{id}")]
    [InlineData("/api/basket/3f2a9c1e-8b7d-4c2e-9a1f-0d5e6b7c8a9f", "/api/basket/{id}")]
    [InlineData("/api/cart", "/api/cart")]
    [InlineData("/wp-login.php", "/wp-login.php")]
    [InlineData("/cafe/beef", "/cafe/beef")]
    public void RoutesReplaceIdSegments(string path, string route) =>
        Assert.Equal(route, LogRoutes.RouteOf(path));

    [Fact]
    public void PathsThatDifferOnlyByIdShareTheirNovelty()
    {
        var extractor = new LogFeatureExtractor();
        for (var i = 0; i < 20; i++)
        {
            Extract(extractor, Log(path: $"/products/{i}"));
        }

        Assert.True(Extract(extractor, Log(path: "/products/999"))[2] < 0.05f);
    }

    [Fact]
    public void ABurstFromOneClientRaisesItsRate()
    {
        var extractor = new LogFeatureExtractor();
        var quiet = Extract(extractor, Log(ip: "10.0.0.2"))[4];
        float burst = 0;
        for (var i = 0; i < 20; i++)
        {
            burst = Extract(extractor, Log(ip: "10.0.0.3"))[4];
        }

        Assert.Equal(1f, quiet);
        Assert.True(burst > 4, $"rate feature after a burst of 20 was {burst}");
    }
}
