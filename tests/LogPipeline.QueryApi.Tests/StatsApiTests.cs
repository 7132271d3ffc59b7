using System.Net;
using LogPipeline.QueryApi.Tests.Infrastructure;

namespace LogPipeline.QueryApi.Tests;

public sealed class StatsApiTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    static readonly long From = QueryApiApplication.SeedStart;
    static readonly long To = From + (6 * 3_600_000);

    readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task AMinuteSeriesHasOnePointPerMinuteEqualToTheLogsOfThatMinute()
    {
        var from = From;
        var to = From + (30 * 60_000) - 1;

        var series = await _client.OkJsonAsync($"/api/stats/series?series=total&from={from}&to={to}&granularity=minute");

        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(30, points.Count);
        foreach (var point in points)
        {
            var bucket = point.GetProperty("bucket").GetInt64();
            var expected = app.Logs.Count(l => l.Scored.Log.Timestamp >= bucket && l.Scored.Log.Timestamp < bucket + 60_000);
            Assert.Equal(expected, point.GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public async Task AnHourSeriesOfErrorsMatchesTheStoredLogs()
    {
        var series = await _client.OkJsonAsync($"/api/stats/series?series=level:ERROR&from={From}&to={To}&granularity=hour");

        var expected = app.Logs.Count(l => l.Scored.Log.LogLevel == "ERROR" && l.Scored.Log.Timestamp >= From - (From % 3_600_000) && l.Scored.Log.Timestamp < To - (To % 3_600_000) + 3_600_000);
        Assert.Equal(7, series.GetProperty("points").GetArrayLength());
        Assert.Equal(expected, series.GetProperty("total").GetDouble());
    }

    [Fact]
    public async Task TheSummaryTotalsAnomalyRateTopPathsAndPercentilesMatchTheStoredLogs()
    {
        var logs = app.Logs.Where(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= To).Select(l => l.Scored).ToList();

        var summary = await _client.OkJsonAsync($"/api/stats/summary?from={From}&to={To}");

        Assert.Equal(logs.Count, summary.GetProperty("total").GetInt64());
        var anomalies = logs.Count(l => l.Verdict.IsAnomaly);
        Assert.Equal(anomalies, summary.GetProperty("anomalies").GetInt64());
        Assert.Equal((double)anomalies / logs.Count, summary.GetProperty("anomaly_rate").GetDouble(), 9);
        Assert.Equal(logs.Count(l => l.Log.StatusCode >= 500), summary.GetProperty("status_classes").GetProperty("5xx").GetInt64());
        Assert.Equal(logs.Count(l => l.Log.LogLevel == "WARN"), summary.GetProperty("levels").GetProperty("WARN").GetInt64());
        var top = summary.GetProperty("top_paths")[0];
        var expectedTop = logs.Where(l => l.Verdict.IsAnomaly).GroupBy(l => l.Log.Path).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.Equal(expectedTop.Key, top.GetProperty("path").GetString());
        Assert.Equal(expectedTop.Count(), top.GetProperty("anomalies").GetInt64());
        var sorted = logs.Select(l => l.Log.ResponseTime).Order().ToList();
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        Assert.InRange(summary.GetProperty("response_time").GetProperty("p95").GetDouble(), p95 / 1.42, p95 * 1.42);
        Assert.Equal(logs.Average(l => l.Log.ResponseTime), summary.GetProperty("response_time").GetProperty("mean").GetDouble(), 6);
    }

    [Fact]
    public async Task ASummaryWithRaggedEndsCombinesMinuteAndHourRollupsExactly()
    {
        // From 00:37 to 04:12: minutes at both ends, whole hours in between.
        var to = From + (215 * 60_000) - 1;
        var expected = app.Logs.Count(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= to);

        var summary = await _client.OkJsonAsync($"/api/stats/summary?from={From}&to={to}");

        Assert.Equal(expected, summary.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("series=bogus", "series")]
    [InlineData("series=level:TRACE", "series")]
    [InlineData("", "series")]
    [InlineData("series=total&granularity=week", "granularity")]
    [InlineData("series=total&from=0&to=100000000&granularity=minute", "granularity")]
    [InlineData("series=total&from=x", "from")]
    public async Task BadSeriesInputIsA400ProblemNamingTheParameter(string query, string parameter)
    {
        var problem = await _client.ProblemAsync($"/api/stats/series?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z", "from")]
    [InlineData("to=tomorrow", "to")]
    public async Task BadSummaryInputIsA400ProblemNamingTheParameter(string query, string parameter)
    {
        var problem = await _client.ProblemAsync($"/api/stats/summary?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
