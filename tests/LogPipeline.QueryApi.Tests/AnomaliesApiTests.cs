using System.Net;
using System.Text.Json;
using LogPipeline.QueryApi.Tests.Infrastructure;

namespace LogPipeline.QueryApi.Tests;

public sealed class AnomaliesApiTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    static readonly long From = QueryApiApplication.SeedStart;
    static readonly long To = From + (6 * 3_600_000);

    readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task PagingReturnsEveryAnomalyAboveMinScoreOnceHighestScoreFirst()
    {
        // Scores repeat (3.5, 4.5, ... 7.5) and the "tie" logs share a timestamp too: ties must not break paging.
        var expected = app.Logs
            .Where(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= To && l.Scored.Verdict.AnomalyScore >= 4.5)
            .Select(l => l.Scored.Log.LogIdentifier).Order().ToList();

        var ids = new List<string>();
        var scores = new List<double>();
        var url = $"/api/anomalies?minScore=4.5&from={From}&to={To}&limit=7";
        while (true)
        {
            var page = await _client.OkJsonAsync(url);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("log_identifier").GetString()!);
                scores.Add(item.GetProperty("anomaly_score").GetDouble());
            }

            if (page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            url = $"/api/anomalies?minScore=4.5&cursor={Uri.EscapeDataString(page.GetProperty("next_cursor").GetString()!)}&limit=7";
        }

        Assert.True(expected.Count > 20, $"seed has {expected.Count} anomalies");
        Assert.Equal(expected, ids.Order().ToList());
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task TheTimeRangeLimitsWhichAnomaliesAreReturned()
    {
        var to = From + 3_600_000;
        var expected = app.Logs.Count(l => l.Scored.Log.Timestamp >= From && l.Scored.Log.Timestamp <= to && l.Scored.Verdict.IsAnomaly);

        var page = await _client.OkJsonAsync($"/api/anomalies?from={From}&to={to}&limit=1000");

        Assert.Equal(expected, page.GetProperty("count").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.InRange(i.GetProperty("timestamp").GetInt64(), From, to));
    }

    [Theory]
    [InlineData("minScore=high", "minScore")]
    [InlineData("minScore=-1", "minScore")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", "from")]
    [InlineData("limit=-5", "limit")]
    [InlineData("to=soon", "to")]
    [InlineData("cursor=AAAA", "cursor")]
    public async Task BadInputIsA400ProblemNamingTheParameter(string query, string parameter)
    {
        var problem = await _client.ProblemAsync($"/api/anomalies?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
