using System.Diagnostics.Metrics;
using LogPipeline.Storage.Queries;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Storage.Tests;

public sealed class LogQueriesPagingTests(DynamoDbLocal dynamo) : IClassFixture<DynamoDbLocal>, IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task PagingARangeWhoseLowerBoundIsSharedByManyLogsReturnsEveryLogOnce()
    {
        var stamp = TestLogs.Day(40);
        var batch = Enumerable.Range(0, 60)
            .Select(i => new PendingLog(TestLogs.Log($"bounds-{i:D3}", stamp + (i % 3 == 0 ? 1_000 : 0)), new SourcePosition("bounds", 0, i)))
            .ToList();

        var ids = await WriteAndPageAsync(batch, (queries, cursor) => queries.QueryTimeRangeAsync(stamp, stamp + 1_000, LogFilter.None, 7, cursor, new QueryBudget(64), CancellationToken.None));

        Assert.Equal(batch.Select(pending => pending.Scored.Log.LogIdentifier).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PagingAnomaliesWhoseScoreIsTheMinimumReturnsEveryAnomalyOnce()
    {
        var stamp = TestLogs.Day(41);
        var batch = Enumerable.Range(0, 40)
            .Select(i => new PendingLog(TestLogs.Log($"minscore-{i:D3}", stamp + i, score: 7.25, isAnomaly: true), new SourcePosition("minscore", 0, i)))
            .ToList();

        var ids = await WriteAndPageAsync(batch, (queries, cursor) => queries.QueryAnomaliesAsync(7.25, stamp, stamp + 1_000, 6, cursor, new QueryBudget(64), CancellationToken.None));

        Assert.Equal(batch.Select(pending => pending.Scored.Log.LogIdentifier).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    async Task<List<string>> WriteAndPageAsync(List<PendingLog> batch, Func<LogQueries, IndexCursor?, Task<LogPage>> readPage)
    {
        var writer = new LogBatchWriter(dynamo.Client, dynamo.Options, new WriterMetrics(_services.GetRequiredService<IMeterFactory>()));
        await writer.WriteAsync(batch, CancellationToken.None).WaitAsync(Timeout);

        var queries = new LogQueries(dynamo.Client, dynamo.Options);
        var ids = new List<string>();
        IndexCursor? cursor = null;
        for (var page = 0; page < batch.Count; page++)
        {
            var result = await readPage(queries, cursor).WaitAsync(Timeout);
            ids.AddRange(result.Items.Select(stored => stored.Scored.Log.LogIdentifier));
            cursor = result.Next;
            if (cursor is null)
            {
                return ids;
            }
        }

        throw new Xunit.Sdk.XunitException($"paging did not end within {batch.Count} pages ({ids.Count} logs read)");
    }
}
