using System.Net;
using System.Text.Json;
using LogPipeline.QueryApi.Tests.Infrastructure;

namespace LogPipeline.QueryApi.Tests;

public sealed class LogsApiTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    static readonly long From = QueryApiApplication.SeedStart;
    static readonly long To = From + (6 * 3_600_000);

    readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task GetLogByIdReturnsTheStoredLogWithContractFieldNamesAndBothTimeFormats()
    {
        var (expected, verdict) = app.Logs[3].Scored;

        var log = await _client.OkJsonAsync($"/api/logs/{expected.LogIdentifier}");

        Assert.Equal(expected.LogIdentifier, log.GetProperty("log_identifier").GetString());
        Assert.Equal(expected.Timestamp, log.GetProperty("timestamp").GetInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expected.Timestamp), log.GetProperty("timestamp_iso").GetDateTimeOffset());
        Assert.Equal(verdict.AnomalyScore, log.GetProperty("anomaly_score").GetDouble());
        Assert.True(log.GetProperty("is_anomaly").GetBoolean());
        Assert.Equal(expected.Path, log.GetProperty("path").GetString());
        Assert.Equal(expected.StatusCode, log.GetProperty("status_code").GetInt32());
        Assert.Equal((expected.Timestamp / 1000) + (app.Options.RetentionDays * 86_400L), log.GetProperty("expires_at").GetInt64());
    }

    [Fact]
    public async Task GetLogByIdAnswers404ProblemForAnUnknownId()
    {
        var problem = await _client.ProblemAsync("/api/logs/no-such-log", HttpStatusCode.NotFound);

        Assert.Contains("no-such-log", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagingThroughARangeAcrossBucketsAndShardsReturnsEveryLogOnceNewestFirst()
    {
        var expected = app.Logs.Where(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= To).Select(l => l.Scored.Log.LogIdentifier).Order().ToList();

        var (ids, timestamps, pages) = await ReadAllAsync($"/api/logs?from={From}&to={To}&limit=37");

        Assert.Equal(expected, ids.Order().ToList());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(pages > expected.Count / 37, $"expected several pages, got {pages}");
        for (var i = 1; i < timestamps.Count; i++)
        {
            Assert.True(timestamps[i] <= timestamps[i - 1], $"timestamps out of order at {i}");
        }
    }

    [Fact]
    public async Task FiltersByLevelStatusClassAndPathReturnOnlyMatchingLogs()
    {
        var expected = app.Logs
            .Where(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= To && l.Scored.Log.LogLevel == "ERROR" && l.Scored.Log.StatusCode >= 500 && l.Scored.Log.Path == "/login")
            .Select(l => l.Scored.Log.LogIdentifier).Order().ToList();

        var (ids, _, _) = await ReadAllAsync($"/api/logs?from={From}&to={To}&level=error&status=5xx&path=/login&limit=10");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids.Order().ToList());
    }

    [Fact]
    public async Task AnExactStatusCodeFilterMatchesOnlyThatCode()
    {
        var expected = app.Logs.Count(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= To && l.Scored.Log.StatusCode == 404);

        var (ids, _, _) = await ReadAllAsync($"/api/logs?from={From}&to={To}&status=404&limit=1000");

        Assert.Equal(expected, ids.Count);
    }

    [Fact]
    public async Task IsoTimesAndEpochMillisecondsSelectTheSameRangeAndBothAreEchoed()
    {
        var fromIso = DateTimeOffset.FromUnixTimeMilliseconds(From).ToString("O");
        var toIso = DateTimeOffset.FromUnixTimeMilliseconds(From + 3_600_000).ToString("O");

        var byIso = await _client.OkJsonAsync($"/api/logs?from={Uri.EscapeDataString(fromIso)}&to={Uri.EscapeDataString(toIso)}&limit=1000");
        var byEpoch = await _client.OkJsonAsync($"/api/logs?from={From}&to={From + 3_600_000}&limit=1000");

        Assert.Equal(From, byIso.GetProperty("from").GetInt64());
        Assert.Equal(From + 3_600_000, byIso.GetProperty("to").GetInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(From), byIso.GetProperty("from_iso").GetDateTimeOffset());
        Assert.Equal(byEpoch.GetProperty("count").GetInt32(), byIso.GetProperty("count").GetInt32());
        Assert.True(byIso.GetProperty("count").GetInt32() > 0);
    }

    [Fact]
    public async Task WithoutFromAndToTheLastHourIsReturned()
    {
        var page = await _client.OkJsonAsync("/api/logs?limit=100");

        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("log_identifier").GetString()).ToList();
        Assert.Equal(10, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("recent-", id, StringComparison.Ordinal));
        Assert.Equal(3_600_000, page.GetProperty("to").GetInt64() - page.GetProperty("from").GetInt64());
    }

    [Fact]
    public async Task ACursorAloneContinuesTheQueryItBelongsTo()
    {
        var first = await _client.OkJsonAsync($"/api/logs?from={From}&to={To}&level=WARN&limit=5");
        var cursor = first.GetProperty("next_cursor").GetString()!;

        var second = await _client.OkJsonAsync($"/api/logs?cursor={Uri.EscapeDataString(cursor)}&limit=5");

        Assert.Equal(To, second.GetProperty("to").GetInt64());
        Assert.All(second.GetProperty("items").EnumerateArray(), i => Assert.Equal("WARN", i.GetProperty("log_level").GetString()));
        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("log_identifier").GetString());
        var secondIds = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("log_identifier").GetString());
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45T00:00:00Z", "to")]
    [InlineData("from=1700000000000&to=1600000000000", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("level=TRACE", "level")]
    [InlineData("status=6xx", "status")]
    [InlineData("status=20", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task BadInputIsA400ProblemNamingTheParameter(string query, string parameter)
    {
        var problem = await _client.ProblemAsync($"/api/logs?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task AnAlteredCursorIsRejected()
    {
        var first = await _client.OkJsonAsync($"/api/logs?from={From}&to={To}&limit=5");
        var cursor = first.GetProperty("next_cursor").GetString()!;
        var altered = (cursor[10] == 'A' ? "B" : "A") is var c ? cursor[..10] + c + cursor[11..] : cursor;

        var problem = await _client.ProblemAsync($"/api/logs?cursor={Uri.EscapeDataString(altered)}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task ACursorUsedWithAnotherQueryIsRejected()
    {
        var first = await _client.OkJsonAsync($"/api/logs?from={From}&to={To}&limit=5");
        var cursor = Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!);

        var otherRange = await _client.ProblemAsync($"/api/logs?from={From + 1}&to={To}&cursor={cursor}", HttpStatusCode.BadRequest);
        var otherFilter = await _client.ProblemAsync($"/api/logs?from={From}&to={To}&level=ERROR&cursor={cursor}", HttpStatusCode.BadRequest);
        var otherEndpoint = await _client.ProblemAsync($"/api/anomalies?cursor={cursor}", HttpStatusCode.BadRequest);

        Assert.All([otherRange, otherFilter, otherEndpoint], p => Assert.True(p.GetProperty("errors").TryGetProperty("cursor", out _)));
    }

    async Task<(List<string> Ids, List<long> Timestamps, int Pages)> ReadAllAsync(string firstUrl)
    {
        var ids = new List<string>();
        var timestamps = new List<long>();
        var url = firstUrl;
        var pages = 0;
        while (true)
        {
            var page = await _client.OkJsonAsync(url);
            pages++;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("log_identifier").GetString()!);
                timestamps.Add(item.GetProperty("timestamp").GetInt64());
            }

            if (page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null)
            {
                return (ids, timestamps, pages);
            }

            Assert.True(pages < 500, "pagination did not end");
            url = $"{firstUrl}&cursor={Uri.EscapeDataString(page.GetProperty("next_cursor").GetString()!)}";
        }
    }
}
