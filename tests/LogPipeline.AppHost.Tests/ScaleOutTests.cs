using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LogPipeline.Contracts;
using LogPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LogPipeline.AppHost.Tests;

/// <summary>
/// Two scorers and two writers: each stage's consumer group splits the topic's partitions between its copies, and when
/// one writer dies mid-stream the other takes its partitions over; every log is stored once and counted once.
/// </summary>
public class ScaleOutTests(ScaledOutAppFixture fixture, ITestOutputHelper output) : IClassFixture<ScaledOutAppFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    const int Partitions = 8;

    [Fact]
    public async Task TwoWritersSplitThePartitionsAndWhenOneDiesMidStreamEveryLogIsStoredAndCountedOnce()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var scorers = await ReplicasOf("scorer", timeout.Token);
        var writers = await ReplicasOf("writer", timeout.Token);
        using var assignments = new PartitionAssignments(fixture.App.Services.GetRequiredService<ResourceLoggerService>(), [.. scorers.Concat(writers).Select(r => r.Id)], timeout.Token);

        foreach (var (stage, replicas) in new[] { ("scorer", scorers), ("writer", writers) })
        {
            var split = await Eventually.UntilAsync(
                _ => Task.FromResult(replicas.Select(r => assignments.Of(r.Id)).ToList()),
                owned => owned.All(p => p.Count > 0) && owned.Sum(p => p.Count) == Partitions,
                Timeout,
                $"the {stage}s split the topic's {Partitions} partitions between them",
                owned => string.Join(" + ", owned.Select(p => $"[{string.Join(",", p)}]")),
                TimeSpan.FromMilliseconds(250));
            Assert.Equal(Enumerable.Range(0, Partitions), split.SelectMany(p => p).Order());
            output.WriteLine($"{stage}s: {string.Join(" + ", split.Select(p => $"[{string.Join(",", p)}]"))}");
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var path = $"/api/scale-out/{run}";
        var from = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 2000).Select(i => $"scale-{run}-{i:D4}").ToList();
        using var generator = fixture.App.CreateHttpClient("generator");
        using var query = fixture.CreateQueryApiClient();
        var sending = Task.Run(async () =>
        {
            foreach (var chunk in ids.Chunk(100))
            {
                using var response = await generator.PostAsJsonAsync("/control/logs", chunk.Select((id, i) => RawLog.Json(id, from + i, path, user: "scale-user")).ToArray(), timeout.Token);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }, timeout.Token);

        // Mid-stream: some logs stored, not all; then one writer dies without leaving its group, as a crash would.
        await Eventually.UntilAsync(ct => StoredCount(query, path, from, ct), n => n > 0, Timeout, "the writers store some of the logs", n => $"{n} stored", TimeSpan.FromMilliseconds(100));
        var (victim, survivor) = (writers[0], writers[1]);
        using var process = Process.GetProcessById(victim.Pid);
        var killed = Stopwatch.StartNew();
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine($"killed writer replica {victim.Id} with {await StoredCount(query, path, from, timeout.Token)} of {ids.Count} stored");

        await Eventually.UntilAsync(
            _ => Task.FromResult(assignments.Of(survivor.Id)),
            owned => owned.Count == Partitions,
            Timeout,
            $"the surviving writer {survivor.Id} takes over every partition of {Topics.Scored}",
            owned => $"it has [{string.Join(",", owned)}]",
            TimeSpan.FromMilliseconds(100));
        output.WriteLine($"the surviving writer had all {Partitions} partitions {killed.Elapsed.TotalSeconds:F1} s after the kill");

        await sending.WaitAsync(timeout.Token);
        var stored = await Eventually.UntilAsync(ct => StoredCount(query, path, from, ct), n => n >= ids.Count, Timeout, $"all {ids.Count} logs are stored", n => $"{n} stored", TimeSpan.FromSeconds(1));
        output.WriteLine($"all {ids.Count} logs stored {killed.Elapsed.TotalSeconds:F1} s after the kill");

        var listed = await ListIds(query, path, from, timeout.Token);
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var counted = await SeriesTotal(query, "path:" + path, from, timeout.Token);
        Assert.Equal(ids.Count, counted);
    }

    /// <summary>The copies of a replicated resource (Aspire names each <c>{resource}-…</c>) and their processes, once all have started.</summary>
    async Task<List<(string Id, int Pid)>> ReplicasOf(string resource, CancellationToken cancellationToken)
    {
        var pids = new Dictionary<string, int>();
        await foreach (var update in fixture.App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name == resource && update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid)
            {
                pids[update.ResourceId] = Convert.ToInt32(pid, CultureInfo.InvariantCulture);
                if (pids.Count == ScaledOutAppFixture.Replicas)
                {
                    break;
                }
            }
        }

        return [.. pids.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    static async Task<int> StoredCount(HttpClient query, string path, long from, CancellationToken cancellationToken) =>
        (await ListIds(query, path, from, cancellationToken)).Count;

    static async Task<List<string>> ListIds(HttpClient query, string path, long from, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000;
        string? next = null;
        do
        {
            var url = next is null
                ? $"/api/logs?from={from}&to={to}&path={Uri.EscapeDataString(path)}&limit=1000"
                : $"/api/logs?cursor={Uri.EscapeDataString(next)}&limit=1000";
            var page = JsonNode.Parse(await query.GetStringAsync(url, cancellationToken))!;
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["log_identifier"]!.GetValue<string>()));
            next = page["next_cursor"]?.GetValue<string>();
        }
        while (next is not null);
        return ids;
    }

    static async Task<double> SeriesTotal(HttpClient query, string series, long from, CancellationToken cancellationToken)
    {
        var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000;
        var body = JsonNode.Parse(await query.GetStringAsync($"/api/stats/series?series={Uri.EscapeDataString(series)}&from={from}&to={to}&granularity=minute", cancellationToken))!;
        return body["total"]!.GetValue<double>();
    }
}
