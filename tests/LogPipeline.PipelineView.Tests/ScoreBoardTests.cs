using System.Diagnostics;
using LogPipeline.Contracts;
using LogPipeline.PipelineView.Scores;
using LogPipeline.PipelineView.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView.Tests;

/// <summary>The score chart's buckets and the latest anomalies, from scored records read off the mock cluster.</summary>
public sealed class ScoreBoardTests(MockKafka kafka) : IClassFixture<MockKafka>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    const int BucketMilliseconds = 500;

    [Fact]
    public async Task TailBucketsScoresAndKeepsTheLatestAnomaliesWithTheirLabelsAndTraces()
    {
        var topics = kafka.CreateTopics();
        var options = Options.Create(new PipelineViewOptions { WindowSeconds = 60, BucketMilliseconds = BucketMilliseconds, LatestAnomalies = 2 });
        var board = new ScoreBoard(options);
        using var tail = CreateTail(topics, board);
        using var stop = new CancellationTokenSource();
        await tail.StartAsync(stop.Token).WaitAsync(Timeout);
        await Eventually.TrueAsync(() => tail.IsAssigned, Timeout, "the tail's partitions assigned");

        // The tail starts at the end: until a record produced now is seen, its start offset may still be resolving.
        // (The warm-up records were scored long ago: they fall outside the chart's window.)
        var warmUp = 0;
        await Eventually.TrueAsync(() =>
        {
            kafka.ProduceScored(topics.Scored, [Scored($"warm-{warmUp++}", score: 0.1, flagged: false, scoredAt: 1_000)]);
            return board.Seen > 0;
        }, Timeout, "a warm-up record seen");

        var bucketStart = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / BucketMilliseconds - 2) * BucketMilliseconds;
        var trace = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        kafka.ProduceScored(topics.Scored,
        [
            Scored("a", 1.0, false, bucketStart + 10),
            Scored("b", 3.0, false, bucketStart + 20),
            Scored("c", 5.0, true, bucketStart + 30, injected: "latency_spike"),
            Scored("d", 2.0, false, bucketStart + BucketMilliseconds + 10),
            Scored("e", 6.0, true, bucketStart + BucketMilliseconds + 20, injected: "path_scan"),
            Scored("f", 4.5, true, bucketStart + BucketMilliseconds + 30),
        ], trace);
        var now = bucketStart + (2 * BucketMilliseconds);

        var series = await Eventually.HoldsAsync(() => board.Scores(now), s => s.Count.Sum() == 6 && board.Flagged == 3, Timeout, "six scores charted, three flagged");
        Assert.Equal([bucketStart, bucketStart + BucketMilliseconds], series.Time);
        Assert.Equal([3, 3], series.Count);
        Assert.Equal([3.0, 4.1667], series.Mean);
        Assert.Equal([5.0, 6.0], series.Max);
        Assert.Equal([1, 2], series.Flagged);
        Assert.Equal([0.75, 0.75], series.Threshold);
        Assert.Equal(3, board.Flagged);
        Assert.Equal(0.75, board.Threshold);
        Assert.Equal("adaptive", board.ThresholdMode);

        var latest = board.LatestAnomalies();
        Assert.Equal(["f", "e"], latest.Select(a => a.LogId));
        Assert.Equal([null, "path_scan"], latest.Select(a => a.InjectedKind));
        Assert.Equal([4.5, 6.0], latest.Select(a => a.Score));
        Assert.All(latest, a => Assert.Equal(trace.TraceId.ToHexString(), a.TraceId));

        await stop.CancelAsync();
        await tail.StopAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    [Fact]
    public void SnapshotHoldsTheWindowsBucketsThatHaveScores()
    {
        var window = new ScoreWindow(bucketCount: 4, BucketMilliseconds);
        window.Add(10_000, 1, false, 2);
        window.Add(10_100, 3, true, 2);
        window.Add(11_600, 7, false, double.NaN);
        window.Add(9_000, 100, true, 2); // before the window

        var series = window.Snapshot(11_900);

        Assert.Equal([10_000.0, 11_500.0], series.Time);
        Assert.Equal([2, 1], series.Count);
        Assert.Equal([3.0, 7.0], series.Max);
        Assert.Equal([1, 0], series.Flagged);
        Assert.Equal([2.0, null], series.Threshold);
    }

    ScoredLogTail CreateTail(PipelineTopics topics, ScoreBoard board)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:kafka", kafka.BootstrapServers)])
            .Build();
        return new ScoredLogTail(configuration, Options.Create(topics.Options), board, NullLoggerFactory.Instance, NullLogger<ScoredLogTail>.Instance);
    }

    static ScoredLog Scored(string id, double score, bool flagged, long scoredAt, string? injected = null) => new(
        new LogRecord
        {
            LogIdentifier = id,
            Timestamp = scoredAt,
            LogLevel = "INFO",
            IpAddress = "10.0.0.1",
            Method = "GET",
            Path = "/api/items",
            StatusCode = 200,
            ResponseTime = 12,
            Service = "shop",
            InjectedAnomaly = injected,
        },
        new ScoreVerdict
        {
            AnomalyScore = score,
            IsAnomaly = flagged,
            Threshold = 0.75,
            ThresholdMode = ScoreVerdict.AdaptiveMode,
            ScoredAt = scoredAt,
        });
}
