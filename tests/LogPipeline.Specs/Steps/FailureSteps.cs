using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Specs.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>Parts of the system failing for a while: the writer killed, the broker down, the RCF endpoint or DynamoDB away.</summary>
[Binding]
public sealed class FailureSteps(PipelineApp pipeline, SentLogs sent, StoreChecks store, Outages outages, ITestOutputHelper output) : IDisposable
{
    static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(2);

    readonly List<Task<DeliveryResult<byte[]?, byte[]?>>> _deliveries = [];
    IProducer<byte[]?, byte[]?>? _producer;
    Task? _sending;
    IReadOnlyList<string> _duringOutage = [];
    readonly Stopwatch _outage = new();
    readonly Stopwatch _recovery = new();
    TimeSpan _healthyAfter;
    int _storedAtKill;

    [When("{int} logs with known ids are sent in {int} requests, one after the other")]
    public void WhenLogsAreSentInRequests(int count, int requests)
    {
        var batches = Enumerable.Range(0, requests).Select(_ => sent.Create(count / requests)).ToList();
        _sending = Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await pipeline.Generator.PublishLogsAsync(batch);
            }
        });
    }

    [When("the writer's process is killed while it is storing them")]
    public async Task WhenTheWriterIsKilledWhileStoring()
    {
        // Mid-stream: some of the logs are stored, not all.
        var first = await Eventually.UntilAsync(
            ct => pipeline.Query.ListLogsAsync(sent.From, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000, sent.Path, ct),
            stored => stored.Count > 0,
            StoreChecks.StoreTimeout,
            "the writer has stored some of the logs",
            stored => $"{stored.Count} stored",
            TimeSpan.FromMilliseconds(100));
        outages.Kill("writer");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await outages.WaitUntilStoppedAsync("writer", timeout.Token);
        _storedAtKill = (await pipeline.Query.ListLogsAsync(sent.From, sent.To, sent.Path)).Count;
        output.WriteLine($"killed the writer once {first.Count} logs were stored; {_storedAtKill} of the {sent.Ids.Count} sent so far were stored when it was gone");
        Assert.True(_storedAtKill < sent.Ids.Count || !_sending!.IsCompleted, "the writer was killed after it had stored everything: nothing was mid-stream");
    }

    [When("the writer is started again")]
    public async Task WhenTheWriterIsStartedAgain()
    {
        _recovery.Restart();
        await outages.StartAsync("writer");
        using var timeout = new CancellationTokenSource(PipelineApp.RecoveryTimeout);
        await pipeline.App.ResourceNotifications.WaitForResourceHealthyAsync("writer", timeout.Token);
        await _sending!.WaitAsync(DeliveryTimeout);
        _healthyAfter = _recovery.Elapsed;
        output.WriteLine($"the writer was healthy again after {_healthyAfter.TotalSeconds:F1} s");
    }

    [Then("the restarted writer stores logs again")]
    public async Task ThenTheRestartedWriterStoresAgain()
    {
        // The killed consumer never left its group: the new one gets the partitions once the broker has given up on
        // the old one (its session timeout, 6 s).
        await Eventually.UntilAsync(
            ct => pipeline.Query.ListLogsAsync(sent.From, sent.To, sent.Path, ct),
            stored => stored.Count > _storedAtKill,
            PipelineApp.RecoveryTimeout,
            "the restarted writer stores the logs the killed one left",
            stored => $"{stored.Count} stored, {_storedAtKill} at the kill",
            TimeSpan.FromMilliseconds(100));
        var storedAfter = _recovery.Elapsed;
        output.WriteLine($"the restarted writer stored logs again {storedAfter.TotalSeconds:F1} s after it was started, {(storedAfter - _healthyAfter).TotalSeconds:F1} s after it was healthy");
    }

    [When("the Kafka broker goes down")]
    public async Task WhenTheBrokerGoesDown()
    {
        await outages.BrokerDownAsync();
        _outage.Restart();
    }

    [When("{int} normal logs with known ids are produced to logs.raw while it is down")]
    public void WhenLogsAreProducedWhileTheBrokerIsDown(int count)
    {
        // The generator's POST would wait for an acknowledgement that cannot come: hand the logs to a patient
        // producer of our own instead, and check its deliveries once the broker is back.
        _producer = KafkaTopics.PatientProducer(pipeline.KafkaBootstrapServers, DeliveryTimeout);
        var logs = sent.Create(count, "during");
        _duringOutage = [.. logs.Select(SentLogs.Id)];
        foreach (var log in logs)
        {
            _deliveries.Add(_producer.ProduceAsync(KafkaTopics.Raw, new Message<byte[]?, byte[]?>
            {
                Key = Encoding.UTF8.GetBytes(SentLogs.Id(log)),
                Value = Encoding.UTF8.GetBytes(log.ToJsonString()),
            }));
        }
    }

    [When("the broker stays down for {int} seconds")]
    public async Task WhenTheOutageLasts(int seconds)
    {
        // The deliberate failure window: nothing to poll for, the point is that time passes.
        var remaining = TimeSpan.FromSeconds(seconds) - _outage.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }
    }

    [When("the Kafka broker comes back")]
    public async Task WhenTheBrokerComesBack()
    {
        await outages.BrokerUpAsync();
        _recovery.Restart();
        output.WriteLine($"the broker was down for {_outage.Elapsed.TotalSeconds:F1} s");
    }

    [Then("the logs produced while it was down are acknowledged")]
    public async Task ThenTheLogsProducedWhileDownAreAcknowledged()
    {
        var results = await Task.WhenAll(_deliveries).WaitAsync(DeliveryTimeout);
        Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
        output.WriteLine($"the logs produced while it was down were acknowledged {_recovery.Elapsed.TotalSeconds:F1} s after the broker came back");
    }

    [Then("the logs produced while it was down are scored and stored")]
    public async Task ThenTheLogsProducedWhileDownAreStored()
    {
        await store.WaitUntilStoredAsync(_duringOutage, PipelineApp.RecoveryTimeout);
        output.WriteLine($"the logs produced while it was down were stored {_recovery.Elapsed.TotalSeconds:F1} s after the broker came back");
    }

    [Then("the generator's own traffic is acknowledged again")]
    public async Task ThenTheGeneratorsTrafficIsAcknowledgedAgain()
    {
        var before = await pipeline.Generator.ProducedTotalAsync();
        await Eventually.UntilAsync(
            ct => pipeline.Generator.ProducedTotalAsync(ct),
            produced => produced > before,
            PipelineApp.RecoveryTimeout,
            "the broker acknowledges the generator's records again",
            produced => $"{produced - before} more acknowledged",
            TimeSpan.FromSeconds(1));
        output.WriteLine($"the generator's records were acknowledged again {_outage.Elapsed.TotalSeconds:F1} s after the broker went down");
    }

    [When("the RCF endpoint is stopped")]
    public async Task WhenTheRcfEndpointIsStopped()
    {
        await outages.StopAsync("rcf");
        _outage.Restart();
    }

    [When("the RCF endpoint is started again")]
    public async Task WhenTheRcfEndpointIsStartedAgain()
    {
        await outages.StartAsync("rcf");
        using var timeout = new CancellationTokenSource(PipelineApp.RecoveryTimeout);
        await pipeline.App.ResourceNotifications.WaitForResourceHealthyAsync("rcf", timeout.Token);
        output.WriteLine($"the RCF endpoint was away for {_outage.Elapsed.TotalSeconds:F1} s");
    }

    [When("{int} normal logs with known ids are sent during the outage")]
    public async Task WhenLogsAreSentDuringTheOutage(int count)
    {
        var logs = sent.Create(count, "during");
        _duringOutage = [.. logs.Select(SentLogs.Id)];
        await pipeline.Generator.PublishLogsAsync(logs);
    }

    [Then("the scorer reports that it is retrying a batch without committing, or is stuck on it")]
    public async Task ThenTheScorerReportsRetrying()
    {
        // Degraded while it retries; Unhealthy once the batch is older than the stuck threshold, which a call that
        // hangs until HttpClient's 30 s timeout (the endpoint going away mid-request) reaches before its first retry.
        var health = await Eventually.UntilAsync(
            ct => pipeline.HealthReportAsync("scorer", ct),
            h => h.GetProperty("status").GetString() is "Degraded" or "Unhealthy"
                && Descriptions(h).Any(d => d.StartsWith("retrying a batch", StringComparison.Ordinal) || d.StartsWith("stuck: the current batch", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the scorer's health says it is retrying a batch, or stuck on it",
            h => h.GetRawText());
        output.WriteLine($"scorer health {_outage.Elapsed.TotalSeconds:F1} s after the endpoint was stopped: {health.GetRawText()}");
    }

    [Then("for {int} seconds none of the logs sent during the outage is stored")]
    public async Task ThenNoneOfTheLogsIsStoredFor(int seconds)
    {
        // The failure window, checked all along: nothing "scored as normal by default" reaches DynamoDB.
        var until = TimeSpan.FromSeconds(seconds);
        var checks = 0;
        while (_outage.Elapsed < until)
        {
            var stored = await store.StoredAmongAsync(_duringOutage);
            Assert.True(stored.Count == 0, $"{stored.Count} logs sent while the endpoint was away were stored, e.g. {stored.FirstOrDefault()}");
            checks++;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        output.WriteLine($"none of the {_duringOutage.Count} logs was stored in {checks} checks over {_outage.Elapsed.TotalSeconds:F1} s");
    }

    [When("DynamoDB is paused")]
    public async Task WhenDynamoDbIsPaused()
    {
        outages.PauseDynamoDB();
        _outage.Restart();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var unhealthy = await pipeline.App.ResourceNotifications.WaitForResourceAsync("dynamodb", e => e.Snapshot.HealthStatus == HealthStatus.Unhealthy, timeout.Token);
        output.WriteLine($"dynamodb: {unhealthy.Snapshot.State?.Text}/{unhealthy.Snapshot.HealthStatus} {_outage.Elapsed.TotalSeconds:F1} s after it was frozen");
    }

    [When("DynamoDB is resumed")]
    public async Task WhenDynamoDbIsResumed()
    {
        outages.ResumeDynamoDB();
        using var timeout = new CancellationTokenSource(PipelineApp.RecoveryTimeout);
        await pipeline.App.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);
        output.WriteLine($"DynamoDB was paused for {_outage.Elapsed.TotalSeconds:F1} s");
    }

    [Then("Aspire shows the writer Unhealthy once its batch has been uncommitted longer than the stuck threshold of {int} seconds, and the writer says it is stuck")]
    public async Task ThenAspireShowsTheWriterStuck(int seconds)
    {
        Assert.Equal(PipelineApp.StuckThreshold, TimeSpan.FromSeconds(seconds));
        using var timeout = new CancellationTokenSource(PipelineApp.StuckThreshold + TimeSpan.FromSeconds(60));
        var unhealthy = await pipeline.App.ResourceNotifications.WaitForResourceAsync("writer", e => e.Snapshot.HealthStatus == HealthStatus.Unhealthy, timeout.Token);
        var after = _outage.Elapsed;
        var report = await Eventually.UntilAsync(
            ct => pipeline.HealthReportAsync("writer", ct),
            h => Descriptions(h).Any(d => d.StartsWith("stuck", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the writer's health says it is stuck",
            h => h.GetRawText());
        output.WriteLine($"writer {unhealthy.Snapshot.State?.Text}/{unhealthy.Snapshot.HealthStatus} {after.TotalSeconds:F1} s after DynamoDB froze: {report.GetRawText()}");
        // Its batch may have started a moment before the freeze: not Unhealthy as soon as a call hangs, that is the point.
        Assert.True(after >= PipelineApp.StuckThreshold - TimeSpan.FromSeconds(3), $"the writer was reported Unhealthy {after.TotalSeconds:F1} s after DynamoDB froze, before the {seconds} s threshold");
    }

    [Then("the scorer is still healthy")]
    public void ThenTheScorerIsStillHealthy() =>
        Assert.True(pipeline.Snapshot("scorer").HealthStatus == HealthStatus.Healthy, "the scorer is not healthy:\n" + pipeline.Describe());

    [Then("Aspire shows the writer healthy again")]
    public async Task ThenAspireShowsTheWriterHealthyAgain()
    {
        using var timeout = new CancellationTokenSource(PipelineApp.RecoveryTimeout);
        await pipeline.App.ResourceNotifications.WaitForResourceHealthyAsync("writer", timeout.Token);
        output.WriteLine($"the writer was healthy again {_outage.Elapsed.TotalSeconds:F1} s after DynamoDB froze");
    }

    static IEnumerable<string> Descriptions(JsonElement health) =>
        health.TryGetProperty("checks", out var checks)
            ? checks.EnumerateObject().Select(c => c.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "")
            : [];

    public void Dispose() => _producer?.Dispose();

}
