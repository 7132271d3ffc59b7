using System.Text.Json;
using System.Text.Json.Nodes;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>Sending logs with known ids and reading them back: shared by every feature that checks for loss.</summary>
[Binding]
public sealed class StorageSteps(PipelineApp pipeline, SentLogs sent, StoreChecks store, ITestOutputHelper output)
{
    IReadOnlyList<JsonObject> _marker = [];

    [Given("the pipeline is running")]
    public async Task GivenThePipelineIsRunning()
    {
        using var timeout = new CancellationTokenSource(PipelineApp.RecoveryTimeout);
        await pipeline.WaitUntilHealthyAsync(timeout.Token);
    }

    [When("{int} normal log(s) with known ids is/are sent")]
    public async Task WhenLogsAreSent(int count) => await pipeline.Generator.PublishLogsAsync(sent.Create(count));

    [Given("{int} normal log(s) with known ids has/have been sent and stored")]
    public async Task GivenLogsHaveBeenSentAndStored(int count)
    {
        var logs = sent.Create(count);
        await pipeline.Generator.PublishLogsAsync(logs);
        await store.WaitUntilStoredAsync([.. logs.Select(SentLogs.Id)]);
    }

    [Then("every log sent is stored and can be read back by its id")]
    public async Task ThenEveryLogCanBeReadBackById()
    {
        var stored = await store.WaitUntilStoredAsync(sent.Ids);
        Assert.Equal(sent.Ids.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
    }

    [Then("reading back the time range of the logs sent, filtered by their path, returns each of them once")]
    public async Task ThenTheTimeRangeReturnsEachOnce()
    {
        var listed = await pipeline.Query.ListLogsAsync(sent.From, sent.To, sent.Path);
        var ids = listed.Select(SentLogs.Id).ToList();
        Assert.Equal(sent.Ids.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        var timestamps = listed.Select(l => l["timestamp"]!.GetValue<long>()).ToList();
        Assert.True(timestamps.SequenceEqual(timestamps.OrderDescending()), "the time range is listed newest first");
    }

    [Then("the stored logs keep the fields they were sent with, and the scorer's verdict")]
    public async Task ThenTheStoredLogsKeepTheirFields()
    {
        var stored = await store.WaitUntilStoredAsync(sent.Ids);
        foreach (var log in sent.All)
        {
            var item = stored[SentLogs.Id(log)];
            foreach (var field in new[] { "timestamp", "log_level", "ip_address", "user_id", "method", "path", "status_code", "response_time", "message", "bytes_sent", "service" })
            {
                Assert.True(SameValue(log[field], item[field]), $"{field}: sent {log[field]?.ToJsonString()}, stored {item[field]?.ToJsonString()}");
            }

            Assert.NotNull(item["anomaly_score"]);
            Assert.NotNull(item["is_anomaly"]);
            Assert.True(item["threshold"]!.GetValue<double>() > 0, "the threshold in force is stored with the verdict");
            Assert.False(string.IsNullOrEmpty(item["model"]!.GetValue<string>()), "the model that scored the log is stored");
        }
    }

    [When("the same {int} logs are delivered again, twice, followed by a marker log, all under one key")]
    public async Task WhenTheSameLogsAreDeliveredAgain(int count)
    {
        var again = sent.All.Take(count).ToList();
        Assert.Equal(count, again.Count);
        _marker = sent.Create(1, "marker");

        // One key: one partition, so the marker is stored only after both copies have gone through the writer.
        var messages = again.Concat(again).Concat(_marker).Select(l => l.ToJsonString()).ToList();
        await pipeline.Generator.PublishRawAsync(messages, key: $"specs-{sent.Run}");
        output.WriteLine($"delivered {again.Count} logs twice more, then the marker {SentLogs.Id(_marker[0])}");
    }

    [When("the marker log is stored")]
    public async Task WhenTheMarkerIsStored() => await store.WaitUntilStoredAsync([SentLogs.Id(_marker.Single())]);

    [Then("every log sent is stored exactly once")]
    public async Task ThenEveryLogIsStoredExactlyOnce() => await store.AssertStoredExactlyOnceAsync(sent);

    [Then("every log sent is stored exactly once within {int} minutes")]
    public async Task ThenEveryLogIsStoredExactlyOnceWithin(int minutes) =>
        await store.AssertStoredExactlyOnceAsync(sent, TimeSpan.FromMinutes(minutes));

    [Then("the request counter of their path counts {int} log(s)")]
    public async Task ThenThePathCounterCounts(int count)
    {
        var counted = await pipeline.Query.SeriesTotalAsync("path:" + sent.Path, sent.From, sent.To);
        Assert.Equal(count, counted);
    }

    static double Number(JsonValue value) => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    static bool SameValue(JsonNode? sentValue, JsonNode? storedValue) =>
        sentValue is JsonValue a && storedValue is JsonValue b && a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number
            ? Math.Abs(Number(a) - Number(b)) < 1e-9
            : JsonNode.DeepEquals(sentValue, storedValue);
}
