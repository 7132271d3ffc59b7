using LogPipeline.Contracts;
using LogPipeline.Scorer.Features;

namespace LogPipeline.Pipeline.Tests.Scorer;

public class LogFeatureExtractorTests
{
    static LogRecord Log(string path = "/api/cart", string ip = "10.0.0.1", int status = 200, double seconds = 0.05, string level = "INFO", long timestamp = 1, string user = "-") => new()
    {
        LogIdentifier = Guid.NewGuid().ToString(),
        Timestamp = timestamp,
        LogLevel = level,
        Method = "GET",
        Path = path,
        IpAddress = ip,
        UserId = user,
        StatusCode = status,
        ResponseTime = seconds,
    };

    static float[] Extract(LogFeatureExtractor extractor, LogRecord log)
    {
        var features = new float[LogFeatureExtractor.FeatureCount];
        extractor.Extract(log, features);
        return features;
    }

    /// <summary>Extracts and lets the baselines learn from the record, as the scorer does once it passed the threshold.</summary>
    static float[] Learnt(LogFeatureExtractor extractor, LogRecord log)
    {
        var features = Extract(extractor, log);
        extractor.Learn(log, flagged: false);
        return features;
    }

    [Fact]
    public void LatencyIsMeasuredAgainstTheRoutesUsualAndAQuickAnswerCountsLittle()
    {
        var extractor = new LogFeatureExtractor();
        for (var i = 0; i < 50; i++)
        {
            Learnt(extractor, Log(path: "/api/cart", seconds: 0.05));
            Learnt(extractor, Log(path: "/api/search", seconds: 2));
        }

        Assert.Equal(0, Extract(extractor, Log(path: "/api/cart", seconds: 0.05))[0], 2);
        Assert.Equal(Math.Log10(2501.0 / 51), Extract(extractor, Log(path: "/api/cart", seconds: 2.5))[0], 2);
        // 2 s is this route's usual: not a spike here, though it would be one on /api/cart.
        Assert.Equal(0, Extract(extractor, Log(path: "/api/search", seconds: 2))[0], 2);
        Assert.Equal(-1, Extract(extractor, Log(path: "/api/search", seconds: 0.01))[0]);
    }

    [Fact]
    public void ALatencySpikeBarelyMovesTheRoutesUsual()
    {
        var extractor = new LogFeatureExtractor();
        for (var i = 0; i < 100; i++)
        {
            Learnt(extractor, Log(seconds: 0.05));
        }

        for (var i = 0; i < 5; i++)
        {
            Learnt(extractor, Log(seconds: 5));
        }

        Assert.True(Extract(extractor, Log(seconds: 5))[0] > 1.5, "five spikes taught the route that 5 s is usual");
    }

    [Fact]
    public void StatusRarityFollowsEachRoutesOwnStatusMix()
    {
        var extractor = new LogFeatureExtractor();
        for (var i = 0; i < 500; i++)
        {
            Learnt(extractor, Log(path: "/api/cart", status: 200));
            Learnt(extractor, Log(path: "/products/1", status: i % 10 == 0 ? 404 : 200));
        }

        var usual = Extract(extractor, Log(path: "/api/cart", status: 200))[1];
        var commonNotFound = Extract(extractor, Log(path: "/products/2", status: 404, level: "WARN"))[1];
        var rareNotFound = Extract(extractor, Log(path: "/api/cart", status: 404, level: "WARN"))[1];
        var serverError = Extract(extractor, Log(path: "/api/cart", status: 503, level: "ERROR"))[1];

        Assert.True(usual < 0.01f, $"the usual answer has rarity {usual}");
        Assert.True(commonNotFound < rareNotFound, $"a 404 where one in ten answers is one ({commonNotFound}) is less unusual than where none is ({rareNotFound})");
        Assert.Equal(rareNotFound, serverError);
        Assert.True(serverError > 0.8f, $"a 5xx on a route that never failed has rarity {serverError}");
    }

    [Fact]
    public void FlaggedRecordsDoNotTeachTheirRouteThatErrorsAreUsual()
    {
        var extractor = new LogFeatureExtractor();
        for (var i = 0; i < 200; i++)
        {
            Learnt(extractor, Log(status: 200));
        }

        var before = Extract(extractor, Log(status: 500, level: "ERROR"))[1];
        for (var i = 0; i < 50; i++)
        {
            var error = Log(status: 500, level: "ERROR");
            Extract(extractor, error);
            extractor.Learn(error, flagged: true);
        }

        Assert.Equal(before, Extract(extractor, Log(status: 500, level: "ERROR"))[1]);
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

    /// <summary>Ten minutes of requests from ten regular clients (user ids and addresses), ending at <paramref name="start"/> + 10 min.</summary>
    static void KnowTheSitesClients(LogFeatureExtractor extractor, long start)
    {
        for (var i = 0; i < 3_000; i++)
        {
            Extract(extractor, Log(ip: $"10.0.0.{i % 10}", user: $"user-{i % 10:D5}", timestamp: start + (i * 200)));
        }
    }

    [Fact]
    public void ClientNewnessStaysHighForEveryRequestOfANewClientAndFadesWithItsAge()
    {
        var extractor = new LogFeatureExtractor();
        const long start = 1_700_000_000_000;
        KnowTheSitesClients(extractor, start);
        var regular = Extract(extractor, Log(ip: "10.0.0.1", user: "user-00001", timestamp: start + 600_000))[3];
        float stranger = 0;
        for (var i = 0; i < 20; i++)
        {
            stranger = Extract(extractor, Log(ip: "203.0.113.9", user: "user-98765", timestamp: start + 600_000 + (i * 50)))[3];
        }

        var strangerLater = Extract(extractor, Log(ip: "203.0.113.9", user: "user-98765", timestamp: start + 660_000))[3];

        Assert.True(regular < 0.05f, $"a client first seen 10 minutes ago has newness {regular}");
        Assert.True(stranger > 0.85f, $"the 20th request of a client first seen 1 s ago has newness {stranger}");
        Assert.True(strangerLater < 0.05f, $"a client first seen a minute ago has newness {strangerLater}");
    }

    [Fact]
    public void NewClientsMeanLittleWhileMostClientsAreNewToTheScorer()
    {
        var extractor = new LogFeatureExtractor();
        const long start = 1_700_000_000_000;
        float coldStart = 0;
        for (var i = 0; i < 50; i++)
        {
            // Right after the scorer starts every client is first seen: the norm, not a stranger.
            coldStart = Extract(extractor, Log(ip: $"10.1.0.{i}", user: $"user-{i:D5}", timestamp: start + (i * 200)))[3];
        }

        KnowTheSitesClients(extractor, start + 10_000);
        var onceKnown = Extract(extractor, Log(ip: "203.0.113.9", user: "user-98765", timestamp: start + 700_000))[3];

        Assert.True(coldStart < 0.1f, $"the 50th first-seen client of 50 requests has newness {coldStart}");
        Assert.Equal(1f, onceKnown);
    }

    [Fact]
    public void AKnownUserOnANewAddressIsNotAStrangerButAnAnonymousNewAddressIs()
    {
        var extractor = new LogFeatureExtractor();
        const long start = 1_700_000_000_000;
        KnowTheSitesClients(extractor, start);
        Extract(extractor, Log(ip: "10.0.0.99", user: "-", timestamp: start));

        var knownUserNewAddress = Extract(extractor, Log(ip: "192.0.2.7", user: "user-00001", timestamp: start + 600_000))[3];
        var anonymousKnownAddress = Extract(extractor, Log(ip: "10.0.0.99", user: "-", timestamp: start + 600_000))[3];
        var anonymousNewAddress = Extract(extractor, Log(ip: "198.51.100.4", user: "-", timestamp: start + 600_000))[3];

        Assert.True(knownUserNewAddress < 0.05f, $"a user known for 10 minutes on a new address has newness {knownUserNewAddress}");
        Assert.True(anonymousKnownAddress < 0.05f, $"an anonymous address known for 10 minutes has newness {anonymousKnownAddress}");
        Assert.Equal(1f, anonymousNewAddress);
    }

    [Fact]
    public void EachServerErrorOfABurstOnOneRouteIsFurtherOutThanTheOneBefore()
    {
        var extractor = new LogFeatureExtractor();
        const long start = 1_700_000_000_000;
        var lone = Extract(extractor, Log(path: "/api/cart", status: 500, timestamp: start))[5];
        var success = Extract(extractor, Log(path: "/api/orders", status: 200, timestamp: start + 60_000))[5];
        var surge = new float[20];
        for (var i = 0; i < surge.Length; i++)
        {
            surge[i] = Extract(extractor, Log(path: "/api/orders", status: i % 2 == 0 ? 503 : 500, timestamp: start + 60_000 + (i * 100)))[5];
        }

        var otherRoute = Extract(extractor, Log(path: "/api/basket", status: 502, timestamp: start + 62_000))[5];
        var afterwards = Extract(extractor, Log(path: "/api/orders", status: 500, timestamp: start + 240_000))[5];

        Assert.Equal(0.5f, lone, 3);
        Assert.Equal(0f, success);
        for (var i = 1; i < surge.Length; i++)
        {
            Assert.True(surge[i] > surge[i - 1], $"error {i + 1} of the burst: {surge[i]} after {surge[i - 1]}");
        }

        // Twenty errors within 1.9 s, the earlier ones decayed a little.
        Assert.InRange(LogFeatureExtractor.ServerErrorsBehind(surge[^1]), 18, 20);
        Assert.Equal(0.5f, otherRoute, 3);
        Assert.True(afterwards < 0.51f, $"a server error three minutes after the burst has surge {afterwards}");
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
