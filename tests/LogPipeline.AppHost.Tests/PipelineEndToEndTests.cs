using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.AppHost.Tests;

public class PipelineEndToEndTests(PipelineAppFixture fixture) : IClassFixture<PipelineAppFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void EveryResourceIsRunningAndHealthy()
    {
        Assert.All(PipelineAppFixture.ResourceNames, name =>
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var current), $"{name} has no state");
            Assert.Equal((KnownResourceStates.Running, HealthStatus.Healthy), (current.Snapshot.State?.Text, current.Snapshot.HealthStatus));
        });
    }

    [Fact]
    public async Task TheResourceListServesEveryResourceAsJsonWithSecretsMasked()
    {
        var text = await ResourceListAsync();
        using var json = JsonDocument.Parse(text);
        var resources = ByName(json);
        Assert.Superset(PipelineAppFixture.ResourceNames.ToHashSet(), resources.Keys.ToHashSet());
        Assert.StartsWith("127.0.0.1:", resources["kafka"].GetProperty("connectionString").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", resources["queryapi"].GetProperty("health").GetString());
        Assert.StartsWith("http://localhost:", resources["queryapi"].GetProperty("endpoints").GetProperty("http").GetString(), StringComparison.Ordinal);
        Assert.Equal("***", resources["queryapi"].GetProperty("environment").GetProperty("Pipeline__QueryApi__ApiKeys__0").GetString());
        Assert.DoesNotContain(PipelineAppFixture.QueryApiKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutADashboardNoServiceIsPointedAtAnOtlpEndpoint()
    {
        // Aspire's test host runs no dashboard; its default endpoint (localhost:4317) would have nothing listening.
        using var json = JsonDocument.Parse(await ResourceListAsync());
        var resources = ByName(json);
        foreach (var name in new[] { "generator", "scorer", "writer", "queryapi" })
        {
            var environment = resources[name].GetProperty("environment");
            Assert.Equal(name, environment.GetProperty("OTEL_SERVICE_NAME").GetString());
            Assert.False(environment.TryGetProperty("OTEL_EXPORTER_OTLP_ENDPOINT", out var endpoint), $"{name} exports to {endpoint}");
        }
    }

    /// <summary>The resource list's JSON as served.</summary>
    async Task<string> ResourceListAsync()
    {
        using var client = new HttpClient { BaseAddress = await fixture.ResourceListAddress.WaitAsync(Timeout), Timeout = Timeout };
        return await client.GetStringAsync("/api/resources");
    }

    static Dictionary<string, JsonElement> ByName(JsonDocument resourceList) =>
        resourceList.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

    [Fact]
    public async Task TheQueryApiRefusesRequestsWithoutTheKey()
    {
        using var anonymous = fixture.App.CreateHttpClient("queryapi");
        using var response = await anonymous.GetAsync("/api/anomalies?limit=1").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheGeneratorsDashboardCommandInjectsABurst()
    {
        using var generator = fixture.App.CreateHttpClient("generator");
        var before = await ProducedAsync(generator, "error_burst");

        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync("generator", "error-burst").WaitAsync(Timeout);

        Assert.True(result.Success, result.Message);
        using var timeout = new CancellationTokenSource(Timeout);
        while (await ProducedAsync(generator, "error_burst") < before + 50)
        {
            await Task.Delay(200, timeout.Token);
        }
    }

    static async Task<long> ProducedAsync(HttpClient generator, string kind)
    {
        using var status = JsonDocument.Parse(await generator.GetStringAsync("/control/status").WaitAsync(Timeout));
        return status.RootElement.GetProperty("produced").TryGetProperty(kind, out var count) ? count.GetInt64() : 0;
    }

    [Fact]
    public async Task LogsWithKnownIdsAreScoredStoredAndReadableThroughTheQueryApi()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var normal = Enumerable.Range(0, 20).Select(i => RawLog.Json($"e2e-{run}-n{i}", now + i, "/api/products", 200, 0.06 + i % 5 * 0.01, "INFO", "10.1.0.7")).ToList();
        var anomalous = Enumerable.Range(0, 5).Select(i => RawLog.Json($"e2e-{run}-a{i}", now + 100 + i, $"/.git/config-{run}-{i}", 503, 45.0, "ERROR", $"198.51.100.{i + 10}")).ToList();

        using var generator = fixture.App.CreateHttpClient("generator");
        using var response = await generator.PostAsJsonAsync("/control/logs", normal.Concat(anomalous).ToArray());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        using var query = fixture.CreateQueryApiClient();
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
}
