using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LogPipeline.Contracts;
using LogPipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.AppHost.Tests;

/// <summary>
/// Re-scoring with another model, as a user does it: a second model in the RCF endpoint, the scorer switched to it
/// (the app host's <c>Pipeline:Scorer:EndpointName</c>, then a restart), and an archived range replayed to <c>logs.raw</c>.
/// </summary>
public class RescoreEndToEndTests(PipelineAppFixture fixture) : IClassFixture<PipelineAppFixture>
{
    /// <summary>Each step's limit.</summary>
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>The whole test's: the logs go through every stage twice, and the archiver's buffer interval once.</summary>
    static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(10);

    const string ModelB = "rcf-rescore-b";

    /// <summary>The fields of a log (not of its verdict) as the Query API serves them.</summary>
    static readonly string[] LogFields =
        ["log_identifier", "timestamp", "timestamp_iso", "log_level", "ip_address", "user_id", "method", "path", "status_code", "response_time", "message", "expires_at"];

    [Fact]
    public async Task ReplayingAnArchivedRangeToRawStoresTheNewModelsVerdictsForTheSameLogsWithoutCountingThemAgain()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        using var generator = fixture.App.CreateHttpClient("generator");
        using var query = fixture.CreateQueryApiClient();

        // No live traffic from here on, so the counters of these minutes settle and can be compared with the items.
        using (var paused = await generator.PostAsJsonAsync(GeneratorControlPaths.Rate, new { perSecond = 0 }, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var first = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var logs = Enumerable.Range(0, 20).Select(i => RawLog.Json(
            $"rescore-{run}-{i}",
            first + (i * 10),
            $"/api/products/{i}",
            i % 5 == 0 ? 404 : 200,
            0.04 + (i * 0.001),
            i % 4 == 0 ? "WARN" : "INFO",
            $"10.3.0.{i + 1}",
            "rescore-user")).ToArray();
        var ids = logs.Select(l => l["log_identifier"]!.GetValue<string>()).ToList();
        var range = (From: first, To: first + (logs.Length * 10));
        var minutes = (From: first / 60_000 * 60_000, To: ((range.To / 60_000) + 1) * 60_000);
        using (var sent = await generator.PostAsJsonAsync("/control/logs", logs, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }

        // Scored by the model the scorer runs (A), stored, counted and archived.
        var before = new Dictionary<string, JsonObject>();
        foreach (var id in ids)
        {
            before[id] = await Eventually.UntilAsync(ct => GetLogAsync(query, id, ct), log => log is not null, Timeout, $"{id} is stored") ?? throw new InvalidOperationException();
        }

        var modelA = before[ids[0]]["model"]!.GetValue<string>();
        Assert.All(before.Values, log => Assert.Equal(modelA, log["model"]!.GetValue<string>()));
        Assert.NotEqual(ModelB, modelA);
        var counted = await Eventually.UntilAsync(
            async ct => (Counted: await CountedAsync(query, minutes, ct), Stored: (await StoredAsync(query, minutes, ct)).Count),
            c => c.Counted == c.Stored,
            Timeout,
            "the counters of the logs' minutes equal the items stored in them");
        await Eventually.UntilAsync(
            async ct => (await ArchivedIdsAsync(query, range, ct)).Intersect(ids).Count(),
            found => found == ids.Count,
            Timeout,
            "every log is archived");

        // Model B: a second named model in the endpoint, and the scorer switched to it.
        using (var rcf = fixture.App.CreateHttpClient("rcf"))
        using (var created = await rcf.PutAsJsonAsync($"/admin/models/{ModelB}", new { seed = 7 }, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        fixture.App.Services.GetRequiredService<IConfiguration>()["Pipeline:Scorer:EndpointName"] = ModelB;
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("scorer", out var running), "the scorer has a state");
        var startedBefore = running.Snapshot.StartTimeStamp;
        // A stop may outlast the stop command's own wait when the machine is busy: what matters is that the process ended.
        await fixture.App.ResourceCommands.ExecuteCommandAsync("scorer", KnownResourceCommands.StopCommand, timeout.Token).WaitAsync(timeout.Token);
        await fixture.App.ResourceNotifications.WaitForResourceAsync("scorer", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token).WaitAsync(Timeout);
        var started = await fixture.App.ResourceCommands.ExecuteCommandAsync("scorer", KnownResourceCommands.StartCommand, timeout.Token).WaitAsync(timeout.Token);
        Assert.True(started.Success, started.Message);
        await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "scorer",
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy && e.Snapshot.StartTimeStamp != startedBefore,
            timeout.Token).WaitAsync(Timeout);

        var replay = await ReplayToRawAsync(query, range, timeout.Token);
        Assert.True(replay["sent"]!.GetValue<long>() >= ids.Count, replay.ToJsonString());

        // The same logs, now with model B's verdicts: none missing, none twice, and the counters not counted again.
        var after = new Dictionary<string, JsonObject>();
        foreach (var id in ids)
        {
            after[id] = await Eventually.UntilAsync(
                ct => GetLogAsync(query, id, ct),
                log => log?["model"]?.GetValue<string>() == ModelB,
                Timeout,
                $"{id} carries model {ModelB}'s verdict",
                log => log?.ToJsonString() ?? "not stored") ?? throw new InvalidOperationException();
        }

        Assert.All(ids, id =>
        {
            Assert.All(LogFields, field => Assert.Equal(before[id][field]?.ToJsonString(), after[id][field]?.ToJsonString()));
            Assert.True(after[id]["scored_at"]!.GetValue<long>() > before[id]["scored_at"]!.GetValue<long>(), $"{id} was scored again");
        });
        var stored = await StoredAsync(query, minutes, timeout.Token);
        Assert.Equal(counted.Stored, stored.Count);
        Assert.Equal(ids.Order(), stored.Where(ids.Contains).Order());
        Assert.Equal(counted.Counted, await CountedAsync(query, minutes, timeout.Token));
    }

    static async Task<JsonObject?> GetLogAsync(HttpClient query, string id, CancellationToken cancellationToken)
    {
        using var response = await query.GetAsync($"/api/logs/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
    }

    /// <summary>The ids of every stored log in the range, following the pages (an id stored twice appears twice).</summary>
    static async Task<List<string>> StoredAsync(HttpClient query, (long From, long To) range, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var url = $"/api/logs?from={range.From}&to={range.To - 1}&limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = JsonNode.Parse(await query.GetStringAsync(url, cancellationToken))!;
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["log_identifier"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return ids;
    }

    static async Task<long> CountedAsync(HttpClient query, (long From, long To) minutes, CancellationToken cancellationToken)
    {
        var series = JsonNode.Parse(await query.GetStringAsync($"/api/stats/series?series=total&granularity=minute&from={minutes.From}&to={minutes.To - 1}", cancellationToken))!;
        return (long)series["total"]!.GetValue<double>();
    }

    static async Task<HashSet<string>> ArchivedIdsAsync(HttpClient query, (long From, long To) range, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var url = $"/api/archive/logs?from={range.From}&to={range.To}&limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = JsonNode.Parse(await query.GetStringAsync(url, cancellationToken))!;
            ids.UnionWith(page["items"]!.AsArray().Select(i => i!["log_identifier"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return ids;
    }

    static async Task<JsonObject> ReplayToRawAsync(HttpClient query, (long From, long To) range, CancellationToken cancellationToken)
    {
        using var response = await query.PostAsJsonAsync(
            "/api/replay",
            new { from = range.From.ToString(CultureInfo.InvariantCulture), to = range.To.ToString(CultureInfo.InvariantCulture), target = "raw", rate_per_second = 1000 },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var location = response.Headers.Location!.ToString();
        var done = await Eventually.UntilAsync(
            async ct => JsonNode.Parse(await query.GetStringAsync(location, ct))!.AsObject(),
            r => r["state"]!.GetValue<string>() != "running",
            Timeout,
            "the replay finishes",
            r => r.ToJsonString());
        Assert.True(done["state"]!.GetValue<string>() == "completed", done.ToJsonString());
        return done;
    }
}
