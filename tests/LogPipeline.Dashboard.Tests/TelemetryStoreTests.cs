using LogPipeline.Hosting.Dashboard.Pipeline;
using LogPipeline.Hosting.Telemetry;

namespace LogPipeline.Dashboard.Tests;

/// <summary>The bounded in-memory stores: memory stays flat whatever the services send.</summary>
public sealed class TelemetryStoreTests
{
    [Fact]
    public void TheTraceStoreDropsTheOldestTracesBeyondItsLimits()
    {
        var store = new TraceStore(new TelemetryOptions { MaxTraces = 3, MaxSpans = 100 });
        for (var i = 0; i < 5; i++)
        {
            store.Add([Span($"t{i}", "a", null, "generator")]);
        }

        Assert.Equal(["t4", "t3", "t2"], store.Query(null, null, 10).Select(t => t.TraceId));
        Assert.Null(store.Get("t0"));
    }

    [Fact]
    public void SpansFromEveryServiceJoinOneTraceWhateverTheirOrderOfArrival()
    {
        var store = new TraceStore(new TelemetryOptions());
        store.Add([Span("t", "c", "b", "writer", start: 3)]);
        store.Add([Span("t", "b", "a", "scorer", start: 2), Span("t", "a", null, "generator", start: 1)]);
        store.Add([Span("t", "a", null, "generator", start: 1)]); // an exporter's retry

        var trace = Assert.Single(store.Query(null, null, 10, minServices: 3));
        Assert.Equal(("generator", 3), (trace.RootService, trace.SpanCount));
        Assert.Equal(["generator", "scorer", "writer"], trace.Services);
        Assert.Empty(store.Query(null, null, 10, minServices: 4));
    }

    [Fact]
    public void TheLogStoreKeepsTheNewestAndFiltersByServiceLevelAndText()
    {
        var store = new StructuredLogStore(new TelemetryOptions { MaxLogs = 4 });
        var items = Enumerable.Range(1, 6).ToArray();
        store.Add(items, (i, sequence) => new StructuredLogEntry(sequence, i, i % 2 == 0 ? "scorer" : "writer", "x", i >= 5 ? 17 : 9, $"message {i}", "cat", null, null, []));

        Assert.Equal(["message 6", "message 5", "message 4", "message 3"], store.Query(new LogQuery()).Select(e => e.Message));
        Assert.Equal(["message 6", "message 4"], store.Query(new LogQuery(Service: "scorer")).Select(e => e.Message));
        Assert.Equal(["message 5"], store.Query(new LogQuery(MinSeverity: 17, Text: "SAGE 5")).Select(e => e.Message));
        Assert.Equal(["message 6"], store.Query(new LogQuery(After: 5)).Select(e => e.Message));
    }

    [Fact]
    public void AHistogramsIntervalPercentileInterpolatesWithinItsBucket()
    {
        double[] bounds = [1, 2, 4];
        var before = new MetricPoint(0, 10, 10, bounds, [10, 0, 0, 0]);
        var after = new MetricPoint(1000, 20, 30, bounds, [10, 0, 10, 0]);

        Assert.Equal(3, MetricMath.Percentile(before, after, 0.5));
        Assert.Equal(4, MetricMath.Percentile(before, after, 1.0));
        Assert.Equal([[1000d, 10d]], MetricMath.View([before, after], "rate"));
        Assert.Equal([[1000d, 2d]], MetricMath.View([before, after], "mean"));
    }

    [Fact]
    public void TheScoreWindowSummarizesEachBucketAndForgetsWhatLeftTheWindow()
    {
        var window = new ScoreWindow(bucketCount: 4, bucketMilliseconds: 1000) { Threshold = 2 };
        window.Add(500, 1, flagged: false);
        window.Add(10_100, 1, flagged: false);
        window.Add(10_200, 3, flagged: true);

        var series = window.Snapshot(nowMs: 11_000);
        Assert.Equal([10_000d], series.Time);
        Assert.Equal([2], series.Count);
        Assert.Equal([2d], series.Mean);
        Assert.Equal([3d], series.Max);
        Assert.Equal([1], series.Flagged);
        Assert.Equal([2d], series.Threshold);
        Assert.Equal((3, 1), (window.Scored, window.Flagged));
    }

    static SpanRecord Span(string traceId, string spanId, string? parent, string service, long start = 0) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = spanId,
        Kind = "Internal",
        Service = service,
        StartNanos = start,
        EndNanos = start + 10,
    };
}
