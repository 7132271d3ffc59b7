using System.Text.Json.Nodes;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>
/// A scanner probing thousands of distinct paths: each is a route of its own, more than a counter bucket keeps
/// counters for, so most are counted under "(other)" while the routes already counted stay exact.
/// </summary>
[Binding]
public sealed class WebScanSteps(PipelineApp pipeline, SentLogs sent, StoreChecks store, ITestOutputHelper output)
{
    /// <summary>The writer's <c>Pipeline:Storage:MaxRoutesPerBucket</c> default: routes with a counter of their own per bucket.</summary>
    const int MaxRoutesPerBucket = 100;

    const string OtherRoute = "(other)";

    readonly List<JsonObject> _scan = [];

    [When("a scanner requests {int} distinct paths in the same minute, with {int} more normal logs with known ids amid the scan")]
    public async Task WhenAScannerRequestsDistinctPaths(int paths, int normal)
    {
        // The scan's time stamps are those of the logs already stored, so that it falls in their counter buckets.
        var stamps = sent.All.Select(l => l["timestamp"]!.GetValue<long>()).ToArray();
        foreach (var log in new SentLogs().Create(paths, "scan"))
        {
            var n = _scan.Count;
            var path = $"/scan-{sent.Run}/probe-{n:D5}.php";
            log["log_identifier"] = $"specs-{sent.Run}-scan-{n:D5}";
            log["timestamp"] = stamps[n % stamps.Length];
            log["path"] = path;
            log["status_code"] = 404;
            log["message"] = $"GET {path} 404";
            _scan.Add(log);
        }

        var amid = sent.Create(normal, "amid");
        for (var i = 0; i < amid.Count; i++)
        {
            amid[i]["timestamp"] = stamps[i % stamps.Length];
        }

        var half = _scan.Count / 2;
        await pipeline.Generator.PublishLogsAsync(_scan[..half]);
        await pipeline.Generator.PublishLogsAsync(amid);
        await pipeline.Generator.PublishLogsAsync(_scan[half..]);
        output.WriteLine($"sent {_scan.Count} scan requests and {amid.Count} normal logs stamped {sent.From}..{sent.To}");
    }

    [Then("every request of the scan is stored once")]
    public async Task ThenEveryRequestOfTheScanIsStoredOnce()
    {
        var prefix = $"specs-{sent.Run}-scan-";
        var listed = await Eventually.UntilAsync(
            async ct => (await pipeline.Query.ListLogsAsync(sent.From, sent.To, path: null, ct))
                .Select(SentLogs.Id).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList(),
            ids => ids.Count >= _scan.Count,
            StoreChecks.StoreTimeout,
            $"the {_scan.Count} scan requests are listed in their time range",
            ids => $"{ids.Count} listed",
            TimeSpan.FromSeconds(2));
        Assert.Equal(_scan.Select(SentLogs.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        // By id too, for a sample spread over the scan.
        var sample = _scan.Where((_, i) => i % 97 == 0).Select(SentLogs.Id).ToList();
        await store.WaitUntilStoredAsync(sample);
    }

    [Then("the scan's routes beyond the first {int} of the minute are counted together under \"\\(other\\)\"")]
    public async Task ThenTheRoutesBeyondTheBucketAreCountedUnderOther(int routesPerBucket)
    {
        Assert.Equal(MaxRoutesPerBucket, routesPerBucket);
        var other = await pipeline.Query.SeriesTotalAsync("path:" + OtherRoute, sent.From, sent.To);
        output.WriteLine($"{other} requests counted under {OtherRoute} in the scan's bucket");

        // The logs span one minute bucket (two if they straddle a minute): each keeps at most its 100 routes, so at
        // most that many scan requests have a counter of their own; (other) also counts background traffic's routes
        // that came after the bucket filled up (20 logs/s, a few routes).
        var buckets = sent.From / 60_000 == sent.To / 60_000 ? 1 : 2;
        var withoutCounter = _scan.Count - (buckets * routesPerBucket);
        Assert.True(other >= withoutCounter, $"{other} counted under {OtherRoute}: fewer than the {withoutCounter} scan requests that cannot have a counter of their own");
        Assert.True(other <= _scan.Count + (buckets * PipelineApp.BackgroundRate * 60), $"{other} counted under {OtherRoute}: more than the scan and the background traffic of its bucket");
    }

    [Then("every stage is still healthy")]
    public void ThenEveryStageIsStillHealthy()
    {
        foreach (var resource in PipelineApp.Resources)
        {
            Assert.True(
                pipeline.Snapshot(resource).HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                $"{resource} is not healthy:\n{pipeline.Describe()}");
        }
    }
}
