using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogPipeline.Hosting.Orchestration;

namespace LogPipeline.AppHost.Tests;

public class PipelineEndToEndTests(PipelineAppFixture fixture) : IClassFixture<PipelineAppFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void EveryResourceIsRunningAndHealthy()
    {
        var snapshots = fixture.App.ResourceNotifications.Snapshots;
        Assert.Equal(["dynamodb", "generator", "kafka", "queryapi", "rcf", "scorer", "writer"], snapshots.Select(s => s.Name));
        Assert.All(snapshots, s => Assert.Equal((ResourceState.Running, HealthStatus.Healthy), (s.State, s.Health)));
    }

    [Fact]
    public async Task TheDashboardListsEveryResourceAsJson()
    {
        using var client = new HttpClient { BaseAddress = fixture.App.DashboardUrl };
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/resources"));
        var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToArray();
        Assert.Equal(7, resources.Length);
        var kafka = resources.Single(r => r.GetProperty("name").GetString() == "kafka");
        Assert.StartsWith("127.0.0.1:", kafka.GetProperty("connectionString").GetString(), StringComparison.Ordinal);
        var queryApi = resources.Single(r => r.GetProperty("name").GetString() == "queryapi");
        Assert.Equal("Healthy", queryApi.GetProperty("health").GetString());
        Assert.StartsWith("http://127.0.0.1:", queryApi.GetProperty("endpoints").GetProperty("http").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsWithKnownIdsAreScoredStoredAndReadableThroughTheQueryApi()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var normal = Enumerable.Range(0, 20).Select(i => Log($"e2e-{run}-n{i}", now + i, "/api/products", 200, 0.06 + i % 5 * 0.01, "INFO", "10.1.0.7")).ToList();
        var anomalous = Enumerable.Range(0, 5).Select(i => Log($"e2e-{run}-a{i}", now + 100 + i, $"/.git/config-{run}-{i}", 503, 45.0, "ERROR", $"198.51.100.{i + 10}")).ToList();

        using var generator = fixture.App.CreateHttpClient("generator");
        using var response = await generator.PostAsJsonAsync("/control/logs", normal.Concat(anomalous).ToArray());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        using var query = fixture.App.CreateHttpClient("queryapi");
        var stored = new Dictionary<string, JsonObject>();
        using var timeout = new CancellationTokenSource(Timeout);
        foreach (var log in normal.Concat(anomalous))
        {
            var id = log["log_identifier"]!.GetValue<string>();
            stored[id] = await WaitForLogAsync(query, id, timeout.Token);
        }

        Assert.Equal(25, stored.Count);
        Assert.All(stored, kv => Assert.Equal(kv.Key, kv.Value["log_identifier"]!.GetValue<string>()));
        Assert.All(stored.Values, item => Assert.NotNull(item["anomaly_score"]));

        // Normal traffic is the generator's own (a test's 20 requests at once from one new client are not normal).
        double Score(JsonObject item) => item["anomaly_score"]!.GetValue<double>();
        var from = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds();
        var to = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds();
        var page = JsonNode.Parse(await query.GetStringAsync($"/api/logs?from={from}&to={to}&limit=500", timeout.Token))!;
        var background = page["items"]!.AsArray().Select(i => i!.AsObject())
            .Where(i => i["injected_anomaly"] is null && !i["log_identifier"]!.GetValue<string>().StartsWith("e2e-", StringComparison.Ordinal) && Score(i) > 0)
            .Select(Score).ToArray();
        Assert.True(background.Length >= 50, $"only {background.Length} scored logs of normal generator traffic in the last minutes");
        var anomalousMean = anomalous.Average(l => Score(stored[l["log_identifier"]!.GetValue<string>()]));
        Assert.True(anomalousMean > background.Average() * 1.5, $"anomalies scored {anomalousMean:F3} on average, normal traffic {background.Average():F3}");
    }

    static async Task<JsonObject> WaitForLogAsync(HttpClient query, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await query.GetAsync($"/api/logs/{Uri.EscapeDataString(id)}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            }

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(250, cancellationToken);
        }
    }

    static JsonObject Log(string id, long timestamp, string path, int status, double seconds, string level, string ip) => new()
    {
        ["log_identifier"] = id,
        ["timestamp"] = timestamp,
        ["log_level"] = level,
        ["ip_address"] = ip,
        ["user_id"] = "e2e-user",
        ["method"] = "GET",
        ["path"] = path,
        ["status_code"] = status,
        ["response_time"] = seconds,
        ["message"] = $"GET {path} {status}",
    };
}
