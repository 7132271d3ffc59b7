using System.Globalization;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Tests.Infrastructure;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Storage.Tests;

/// <summary>
/// A scan: tens of thousands of distinct paths. No bucket item outgrows its bound (so no expression or item limit is
/// reached), every count stays exact, and routes beyond the bound are counted as (other).
/// </summary>
public sealed class RouteCounterBoundTests(DynamoDbLocal dynamo) : IClassFixture<DynamoDbLocal>
{
    const int ScanSize = 20_000;

    [Fact]
    public async Task AScanOfTensOfThousandsOfDistinctPathsKeepsEveryBucketBoundedAndEveryCountExact()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new LogBatchWriter(dynamo.Client, dynamo.Options, new WriterMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        var start = TestLogs.Day(40);
        var logs = TestLogs.Batch("scan", start, ScanSize, 250, topic: "scan");
        for (var i = 0; i < logs.Count; i++)
        {
            // Every third request is ordinary traffic; the rest probe a path never seen before.
            logs[i] = logs[i].WithPath(i % 3 == 0 ? "/api/cart" : $"/wp-admin/probe-{i:D6}.php");
        }

        for (var offset = 0; offset < logs.Count; offset += 500)
        {
            await writer.WriteAsync(logs.GetRange(offset, Math.Min(500, logs.Count - offset)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        }

        var end = start + (ScanSize * 250L);
        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, end);
        Assert.Equal(ScanSize, stored.Count);
        foreach (var granularity in new[] { CounterGranularity.Minute, CounterGranularity.Hour })
        {
            var rollups = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, granularity, start, end));
            var expected = TableReader.Recount(stored, granularity);
            Assert.Equal(expected.Keys.Order(), rollups.Keys.Order());
            var fullBuckets = 0;
            foreach (var (bucket, counters) in rollups)
            {
                var truth = expected[bucket];
                var routes = counters.Where(c => c.Key.StartsWith(CounterNames.PathPrefix, StringComparison.Ordinal) && c.Key != CounterNames.RouteRequests(CounterNames.OtherRoute)).ToList();
                Assert.InRange(routes.Count, 1, dynamo.Options.MaxRoutesPerBucket);
                Assert.Equal(routes.Count, counters[CounterNames.Routes]);

                // Everything but the routes is exact; each route with a counter of its own is exact; (other) holds the rest.
                foreach (var (name, value) in truth.Where(t => !t.Key.StartsWith(CounterNames.PathPrefix, StringComparison.Ordinal)
                    && !t.Key.StartsWith(CounterNames.PathAnomaliesPrefix, StringComparison.Ordinal) && t.Key != CounterNames.Routes))
                {
                    Assert.True(value == counters.GetValueOrDefault(name), $"{bucket} {name}: {counters.GetValueOrDefault(name)} counted, {value} expected");
                }

                foreach (var (name, value) in routes)
                {
                    Assert.Equal(truth[name], value);
                }

                var other = counters.GetValueOrDefault(CounterNames.RouteRequests(CounterNames.OtherRoute));
                Assert.Equal(truth[CounterNames.Total], routes.Sum(r => r.Value) + other);
                var anomalies = counters.Where(c => c.Key.StartsWith(CounterNames.PathAnomaliesPrefix, StringComparison.Ordinal)).Sum(c => c.Value);
                Assert.Equal(truth.GetValueOrDefault(CounterNames.Anomalies), anomalies);
                Assert.Equal(truth["path:/api/cart"], counters["path:/api/cart"]);
                fullBuckets += routes.Count == dynamo.Options.MaxRoutesPerBucket ? 1 : 0;
            }

            Assert.True(fullBuckets > 0, $"no {granularity} bucket reached the bound: the test did not exercise it");
        }

        var hour = WriteSharding.MinuteLabel(WriteSharding.BucketStart(start, 3_600_000));
        Assert.True(TableReader.Recount(stored, CounterGranularity.Hour)[hour].Count(c => c.Key.StartsWith(CounterNames.PathPrefix, StringComparison.Ordinal)) > 10 * dynamo.Options.MaxRoutesPerBucket,
            string.Create(CultureInfo.InvariantCulture, $"an hour of the scan must hold far more distinct routes than the bound"));
    }
}
