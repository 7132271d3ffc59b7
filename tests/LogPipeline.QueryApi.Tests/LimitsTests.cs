using System.Net;
using LogPipeline.QueryApi.Tests.Infrastructure;

namespace LogPipeline.QueryApi.Tests;

/// <summary>The per-key rate limit and the caps on what one request may ask DynamoDB for.</summary>
public sealed class LimitsTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    const string SecondKey = "second-key-0123456789";
    static readonly long FortyDaysMs = (long)TimeSpan.FromDays(40).TotalMilliseconds;

    [Fact]
    public async Task PastThePermitLimitAKeyGets429ProblemDetailsWithRetryAfterWhileOtherKeysGoOn()
    {
        await using var limited = app.CreateFactory(requireApiKey: true, settings: new Dictionary<string, string?>
        {
            ["Pipeline:QueryApi:ApiKeys:1"] = SecondKey,
            ["Pipeline:QueryApi:RateLimit:PermitLimit"] = "3",
            ["Pipeline:QueryApi:RateLimit:Window"] = "00:05:00",
        });
        using var first = limited.CreateClient();
        first.DefaultRequestHeaders.Add("X-Api-Key", QueryApiApplication.ApiKey);
        using var second = limited.CreateClient();
        second.DefaultRequestHeaders.Add("X-Api-Key", SecondKey);

        for (var i = 0; i < 3; i++)
        {
            await first.OkJsonAsync("/api/logs/q-00001");
        }

        using var rejected = await first.GetAsync("/api/logs/q-00001");
        var problem = await first.ProblemAsync("/api/stats/summary", HttpStatusCode.TooManyRequests);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.NotNull(rejected.Headers.RetryAfter?.Delta);
        Assert.InRange(rejected.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Equal("Rate limit exceeded", problem.GetProperty("title").GetString());
        await second.OkJsonAsync("/api/logs/q-00001");
        using var anonymous = limited.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutAValidKeyShareTheClientAddressesLimitWhateverKeyTheyMakeUp()
    {
        await using var limited = app.CreateFactory(requireApiKey: true, settings: new Dictionary<string, string?>
        {
            ["Pipeline:QueryApi:RateLimit:PermitLimit"] = "2",
            ["Pipeline:QueryApi:RateLimit:Window"] = "00:05:00",
        });
        using var client = limited.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Api-Key");
            client.DefaultRequestHeaders.Add("X-Api-Key", $"made-up-key-{i}-0123456789");
            await client.ProblemAsync("/api/logs", HttpStatusCode.Unauthorized);
        }

        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", "made-up-key-2-0123456789");
        await client.ProblemAsync("/api/logs", HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("/api/logs")]
    [InlineData("/api/anomalies")]
    [InlineData("/api/stats/series?series=total&granularity=hour")]
    [InlineData("/api/stats/summary")]
    public async Task ARangeWiderThanTheDefault31DaysIsA400OnFrom(string url)
    {
        using var client = app.Factory.CreateClient();
        var to = QueryApiApplication.SeedStart;
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        var problem = await client.ProblemAsync($"{url}{separator}from={to - FortyDaysMs}&to={to}", HttpStatusCode.BadRequest);

        Assert.Contains("31 days", problem.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMaximumRangeIsConfigurable()
    {
        await using var narrow = app.CreateFactory(requireApiKey: false, settings: new Dictionary<string, string?> { ["Pipeline:QueryApi:MaxRange"] = "01:00:00" });
        using var client = narrow.CreateClient();
        var from = QueryApiApplication.SeedStart;

        await client.OkJsonAsync($"/api/stats/summary?from={from}&to={from + 3_600_000}");
        var problem = await client.ProblemAsync($"/api/stats/summary?from={from}&to={from + 3_600_001}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task ThePageSizeAndSeriesPointsAreCappedWithA400NamingTheParameter()
    {
        using var client = app.Factory.CreateClient();
        var from = QueryApiApplication.SeedStart;

        var limit = await client.ProblemAsync("/api/logs?limit=1001", HttpStatusCode.BadRequest);
        var points = await client.ProblemAsync($"/api/stats/series?series=total&from={from}&to={from + (1500L * 60_000)}", HttpStatusCode.BadRequest);

        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _));
        Assert.True(points.GetProperty("errors").TryGetProperty("granularity", out _));
    }
}
