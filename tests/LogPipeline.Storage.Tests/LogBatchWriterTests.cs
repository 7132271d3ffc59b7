using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Schema;
using LogPipeline.Storage.Tests.Infrastructure;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Storage.Tests;

public sealed class LogBatchWriterTests(DynamoDbLocal dynamo) : IClassFixture<DynamoDbLocal>, IDisposable
{
    readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    LogBatchWriter CreateWriter() => new(dynamo.Client, dynamo.Options, new WriterMetrics(_services.GetRequiredService<IMeterFactory>()));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task EveryLogBecomesAnItemWithTheArticleAttributesAndATtlInEpochSeconds()
    {
        var start = TestLogs.Day(1);
        var batch = TestLogs.Batch("attrs", start, 30, 1000, topic: "attrs");

        var result = await CreateWriter().WriteAsync(batch, CancellationToken.None);

        Assert.Equal(30, result.Written);
        var item = (await dynamo.Client.GetItemAsync(dynamo.Options.LogTable, new Dictionary<string, AttributeValue>
        {
            ["logId"] = new() { S = "attrs-00003" },
            ["timestamp"] = new() { N = (start + 3000).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        })).Item;
        foreach (var name in new[] { "log_level", "ip_address", "user_id", "method", "path", "status_code", "response_time", "message", "bytes_sent", "service", "anomalyScore", "isAnomaly", "threshold", "scoredAt" })
        {
            Assert.True(item.ContainsKey(name), $"missing attribute {name}");
        }

        Assert.True(item["isAnomaly"].BOOL);
        var expiresAt = long.Parse(item["expiresAt"].N, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(((start + 3000) / 1000) + (dynamo.Options.RetentionDays * 86_400L), expiresAt);
    }

    [Fact]
    public async Task EachPhaseOfABatchIsTimedOnceAndReportedWithTheResult()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        var phases = new List<(string Phase, double Milliseconds)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "logpipeline.writer.phase.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == WriterPhase.TagName)
                {
                    lock (phases)
                    {
                        phases.Add(((string)tag.Value!, value));
                    }
                }
            }
        });
        listener.Start();
        var writer = CreateWriter();
        var batch = TestLogs.Batch("phases", TestLogs.Day(1), 30, 1000, topic: "phases");

        var result = await writer.WriteAsync(batch, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([WriterPhase.Find.Name, WriterPhase.Count.Name, WriterPhase.Put.Name], phases.Select(p => p.Phase));
        Assert.Equal([result.Timings.FindMs, result.Timings.CountMs, result.Timings.PutMs], phases.Select(p => p.Milliseconds));
        Assert.All(phases, p => Assert.True(p.Milliseconds > 0, $"{p.Phase} took {p.Milliseconds} ms"));
    }

    [Fact]
    public async Task OnlyFlaggedItemsAndItemsAtOrAboveTheFloorEnterTheAnomalyIndex()
    {
        var start = TestLogs.Day(2);
        var batch = new List<PendingLog>
        {
            new(TestLogs.Log("floor-low", start, score: 1.2), new SourcePosition("floor", 0, 0)),
            new(TestLogs.Log("floor-at", start, score: dynamo.Options.AnomalyIndexFloor), new SourcePosition("floor", 0, 1)),
            new(TestLogs.Log("floor-flagged", start, score: 1.5, isAnomaly: true), new SourcePosition("floor", 0, 2)),
        };

        await CreateWriter().WriteAsync(batch, CancellationToken.None);

        var items = await TableReader.ScanAsync(dynamo.Client, dynamo.Options.LogTable);
        var indexed = items.Where(i => i["logId"].S.StartsWith("floor-", StringComparison.Ordinal) && i.ContainsKey("anomalyShard")).Select(i => i["logId"].S);
        Assert.Equal(["floor-at", "floor-flagged"], indexed.Order());
    }

    [Fact]
    public async Task ARedeliveredBatchWritesNothingAndLeavesTheCountersUnchanged()
    {
        var start = TestLogs.Day(3);
        var batch = TestLogs.Batch("redeliver", start, 200, 997, topic: "redeliver");
        var writer = CreateWriter();
        var first = await writer.WriteAsync(batch, CancellationToken.None);
        var before = await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Minute, start, start + 86_400_000);

        var second = await writer.WriteAsync(batch, CancellationToken.None);

        Assert.Equal((200, 200), (first.Written, first.Counted));
        Assert.Equal((0, 200, 0), (second.Written, second.AlreadyStored, second.Counted));
        var after = await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Minute, start, start + 86_400_000);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task CountersEqualARecountOfTheStoredItemsAfterOverlappingRedeliveriesAndUpstreamDuplicates()
    {
        var start = TestLogs.Day(4);
        var end = start + 86_400_000 - 1;
        var all = TestLogs.Batch("recount", start, 600, 9_000, topic: "recount");
        var writer = CreateWriter();

        await writer.WriteAsync(all[..250], CancellationToken.None);

        // A rebalance redelivers from offset 200 with a differently sized batch.
        await writer.WriteAsync(all[200..450], CancellationToken.None);

        // The scorer, redelivered itself, produced copies of logs 100..129 again at new offsets.
        var copies = all[100..130].Select((p, i) => p with { Source = p.Source with { Offset = 10_000 + i } }).ToList();
        await writer.WriteAsync([.. all[450..], .. copies], CancellationToken.None);

        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        Assert.Equal(600, stored.Count);
        foreach (var granularity in new[] { CounterGranularity.Minute, CounterGranularity.Hour })
        {
            var rollups = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, granularity, start, end));
            Assert.Equal(TableReader.Recount(stored, granularity), rollups);
        }
    }

    [Fact]
    public async Task ABatchSpanningMoreBucketsThanOneTransactionHoldsIsCountedExactlyOnce()
    {
        // 180 logs one minute apart need 180 minute items + 3 hour items: several transactions, each with its marker.
        var start = TestLogs.Day(5);
        var end = start + 86_400_000 - 1;
        var batch = TestLogs.Batch("wide", start, 180, 60_000, topic: "wide");
        var writer = CreateWriter();

        var first = await writer.WriteAsync(batch, CancellationToken.None);
        var again = await writer.WriteAsync(batch, CancellationToken.None);

        Assert.Equal((180, 0), (first.Counted, again.Counted));
        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        var minutes = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Minute, start, end));
        Assert.Equal(180, minutes.Count);
        Assert.Equal(TableReader.Recount(stored, CounterGranularity.Minute), minutes);
    }

    [Fact]
    public async Task ABatchFromSeveralPartitionsIsCountedInOneTransactionAndExactlyOnce()
    {
        // Three partitions interleaved in time, as a consumer batch delivers them; then a redelivery overlapping all three.
        var start = TestLogs.Day(8);
        var end = start + 86_400_000 - 1;
        var logs = Enumerable.Range(0, 3)
            .SelectMany(p => TestLogs.Batch($"mixed{p}", start + (p * 1_000), 100, 3_000, topic: "mixed", partition: p))
            .OrderBy(l => l.Scored.Log.Timestamp)
            .ToList();
        var writer = CreateWriter();
        var transactions = 0;
        void CountTransactions(object sender, RequestEventArgs e)
        {
            if (e is WebServiceRequestEventArgs { Request: TransactWriteItemsRequest })
            {
                Interlocked.Increment(ref transactions);
            }
        }

        var client = (AmazonServiceClient)dynamo.Client;
        client.BeforeRequestEvent += CountTransactions;
        BatchWriteResult first, second;
        int transactionsForFirst;
        try
        {
            first = await writer.WriteAsync(logs[..200], CancellationToken.None);
            transactionsForFirst = transactions;
            second = await writer.WriteAsync(logs[150..], CancellationToken.None);
        }
        finally
        {
            client.BeforeRequestEvent -= CountTransactions;
        }

        Assert.Equal((1, 2), (transactionsForFirst, transactions));
        Assert.Equal((200, 100), (first.Counted, second.Counted));
        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        Assert.Equal(300, stored.Count);
        foreach (var granularity in new[] { CounterGranularity.Minute, CounterGranularity.Hour })
        {
            var rollups = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, granularity, start, end));
            Assert.Equal(TableReader.Recount(stored, granularity), rollups);
        }
    }

    [Fact]
    public async Task PathsAreCountedByRouteSoIdsAndQueryStringsDoNotMultiplyCounters()
    {
        var start = TestLogs.Day(9);
        string[] paths = ["/products/541", "/products/7?ref=mail", "/api/basket/3f2a9c1e-8b7d-4c2e-9a1f-0d5e6b7c8a9f", "/api/cart"];
        var batch = TestLogs.Batch("routes", start, 8, 1_000, topic: "routes");
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i] = batch[i].WithPath(paths[i % paths.Length]);
        }

        await CreateWriter().WriteAsync(batch, CancellationToken.None);

        var hour = Assert.Single(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Hour, start, start + 3_599_999)).Value;
        var pathCounters = hour.Where(c => c.Key.StartsWith(CounterNames.PathPrefix, StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(
            new Dictionary<string, double> { ["path:/products/{id}"] = 4, ["path:/api/basket/{id}"] = 2, ["path:/api/cart"] = 2 },
            pathCounters);
        Assert.Equal("path:/products/{id}", CounterNames.Normalize("path:/products/12345"));
    }

    [Fact]
    public async Task CountedButUnwrittenLogsAreWrittenWithoutBeingCountedAgain()
    {
        // Simulates a crash after the counter transaction and before the items: the offset marker is past the
        // batch but the items are missing. The retry must write them and must not count them a second time.
        var start = TestLogs.Day(6);
        var end = start + 86_400_000 - 1;
        var batch = TestLogs.Batch("crash", start, 40, 30_000, topic: "crash");
        var writer = CreateWriter();
        await writer.WriteAsync(batch, CancellationToken.None);
        foreach (var log in batch)
        {
            await dynamo.Client.DeleteItemAsync(dynamo.Options.LogTable, new Dictionary<string, AttributeValue>
            {
                ["logId"] = new() { S = log.Scored.Log.LogIdentifier },
                ["timestamp"] = new() { N = log.Scored.Log.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }

        var retry = await writer.WriteAsync(batch, CancellationToken.None);

        Assert.Equal((40, 0), (retry.Written, retry.Counted));
        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        var rollups = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Hour, start, end));
        Assert.Equal(TableReader.Recount(stored, CounterGranularity.Hour), rollups);
    }

    [Fact]
    public async Task AnIdRepeatedWithinOneBatchIsStoredOnceFromItsFirstCopy()
    {
        var start = TestLogs.Day(7);
        var original = TestLogs.Log("twice", start, score: 1.1);
        var copy = TestLogs.Log("twice", start, score: 4.2, isAnomaly: true);

        var result = await CreateWriter().WriteAsync(
            [new(original, new SourcePosition("twice", 0, 0)), new(copy, new SourcePosition("twice", 0, 1))],
            CancellationToken.None);

        Assert.Equal((1, 1), (result.Written, result.Counted));
        var stored = Assert.Single(await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, start));
        Assert.Equal(1.1, stored.Scored.Verdict.AnomalyScore);
    }

    [Fact]
    public async Task ARescoredLogReplacesTheStoredVerdictAndIsNotCountedAgain()
    {
        var start = TestLogs.Day(10);
        var end = start + 86_400_000 - 1;
        var live = TestLogs.Batch("rescore", start, 50, 1_000, topic: "rescore");
        var writer = CreateWriter();
        await writer.WriteAsync(live, CancellationToken.None);
        var before = await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Minute, start, end);

        // The replay's copies come back through logs.scored at new offsets, scored by another model.
        var rescored = live.Select((p, i) => new PendingLog(
            p.Scored with { Verdict = p.Scored.Verdict with { Model = "model-b", AnomalyScore = p.Scored.Verdict.AnomalyScore + 0.25 } },
            p.Source with { Offset = 1_000 + i },
            Rescored: true)).ToList();
        var first = await writer.WriteAsync(rescored, CancellationToken.None);
        var redelivered = await writer.WriteAsync(rescored, CancellationToken.None);

        Assert.Equal((50, 50, 0, 0), (first.Written, first.Replaced, first.AlreadyStored, first.Counted));
        Assert.Equal((50, 50, 0), (redelivered.Written, redelivered.Replaced, redelivered.Counted));
        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        Assert.Equal(live.Select(p => p.Scored.Log.LogIdentifier).Order(), stored.Select(s => s.Scored.Log.LogIdentifier).Order());
        Assert.All(stored, s => Assert.Equal("model-b", s.Scored.Verdict.Model));
        Assert.Equal(live.Select(p => p.Scored.Log).OrderBy(l => l.LogIdentifier), stored.Select(s => s.Scored.Log).OrderBy(l => l.LogIdentifier));
        Assert.Equal(before, await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Minute, start, end));
    }

    [Fact]
    public async Task ARescoredLogThatFindsNoItemIsCountedOnceAndTheLiveCopyArrivingLaterIsSkipped()
    {
        // The writer may lag behind the archiver: a replay's re-score can arrive before the live copy is stored.
        var start = TestLogs.Day(11);
        var end = start + 86_400_000 - 1;
        var live = TestLogs.Batch("early", start, 20, 1_000, topic: "early");
        var rescored = live.Select((p, i) => new PendingLog(
            p.Scored with { Verdict = p.Scored.Verdict with { Model = "model-b" } }, p.Source with { Offset = 500 + i }, Rescored: true)).ToList();
        var writer = CreateWriter();

        var first = await writer.WriteAsync(rescored, CancellationToken.None);
        var late = await writer.WriteAsync(live, CancellationToken.None);

        Assert.Equal((20, 0, 20), (first.Written, first.Replaced, first.Counted));
        Assert.Equal((0, 20, 0), (late.Written, late.AlreadyStored, late.Counted));
        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        Assert.Equal(20, stored.Count);
        Assert.All(stored, s => Assert.Equal("model-b", s.Scored.Verdict.Model));
        var rollups = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, CounterGranularity.Hour, start, end));
        Assert.Equal(TableReader.Recount(stored, CounterGranularity.Hour), rollups);
    }

    [Fact]
    public async Task AnIdRepeatedWithinOneBatchKeepsItsLastRescoredCopy()
    {
        var start = TestLogs.Day(12);
        var original = TestLogs.Log("rescored-twice", start, score: 1.1);
        var rescore = TestLogs.Log("rescored-twice", start, score: 2.2) with { Verdict = original.Verdict with { AnomalyScore = 2.2, Model = "model-b" } };

        var result = await CreateWriter().WriteAsync(
            [new(original, new SourcePosition("rescored-twice", 0, 0)), new(rescore, new SourcePosition("rescored-twice", 0, 1), Rescored: true)],
            CancellationToken.None);

        Assert.Equal((1, 1), (result.Written, result.Counted));
        var stored = Assert.Single(await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, start));
        Assert.Equal(("model-b", 2.2), (stored.Scored.Verdict.Model, stored.Scored.Verdict.AnomalyScore));
    }
}
