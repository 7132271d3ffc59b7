using LogPipeline.Contracts;
using LogPipeline.Scorer.Features;

namespace LogPipeline.Pipeline.Tests.Scorer;

public class LogFeatureExtractorTests
{
    static LogRecord Log(string path = "/api/cart", string ip = "10.0.0.1", int status = 200, double seconds = 0.05, string level = "INFO") => new()
    {
        LogIdentifier = Guid.NewGuid().ToString(),
        Timestamp = 1,
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
    public void StatusClassAndLevelAreOrdinal()
    {
        var features = Extract(new LogFeatureExtractor(), Log(status: 503, level: "ERROR"));
        Assert.Equal(5, features[1]);
        Assert.Equal(3, features[2]);
    }

    [Fact]
    public void NoveltyFallsAsAPathOrAddressRecurs()
    {
        var extractor = new LogFeatureExtractor();
        var first = Extract(extractor, Log());
        for (var i = 0; i < 50; i++)
        {
            Extract(extractor, Log());
        }

        var later = Extract(extractor, Log());
        var scan = Extract(extractor, Log(path: "/.env", ip: "203.0.113.9"));
        Assert.Equal(1f, first[3]);
        Assert.True(later[3] < 0.05f);
        Assert.True(later[4] < 0.05f);
        Assert.Equal(1f, scan[3]);
        Assert.Equal(1f, scan[4]);
    }
}
