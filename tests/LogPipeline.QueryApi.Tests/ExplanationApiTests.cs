using System.Diagnostics.Metrics;
using LogPipeline.QueryApi.Tests.Infrastructure;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.QueryApi.Tests;

/// <summary>An anomaly's explanation, stored by the writer's code, comes back with the log and in the anomaly listing.</summary>
public sealed class ExplanationApiTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    const string Explanation = "client first seen (53 %); route never seen: /.env (40 %)";

    readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task AnExplainedAnomalyIsReturnedWithItsExplanationByIdAndInTheAnomalyListing()
    {
        var at = TestLogs.Day(200);
        var logged = TestLogs.Log("why-anomaly", at, score: 6.5, isAnomaly: true);
        var anomaly = logged with { Verdict = logged.Verdict with { Explanation = Explanation } };
        using (var meters = new ServiceCollection().AddMetrics().BuildServiceProvider())
        {
            var writer = new LogBatchWriter(app.Client, app.Options, new WriterMetrics(meters.GetRequiredService<IMeterFactory>()));
            await writer.WriteAsync([new(anomaly, new SourcePosition("why", 0, 0))], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }

        var log = await _client.OkJsonAsync("/api/logs/why-anomaly");
        var listing = await _client.OkJsonAsync($"/api/anomalies?from={at - 60_000}&to={at + 60_000}&limit=10");
        var normal = await _client.OkJsonAsync($"/api/logs/{app.Logs.First(l => !l.Scored.Verdict.IsAnomaly).Scored.Log.LogIdentifier}");

        Assert.Equal(Explanation, log.GetProperty("explanation").GetString());
        var listed = Assert.Single(listing.GetProperty("items").EnumerateArray());
        Assert.Equal(Explanation, listed.GetProperty("explanation").GetString());
        Assert.True(!normal.TryGetProperty("explanation", out var none) || none.ValueKind == System.Text.Json.JsonValueKind.Null);
    }
}
