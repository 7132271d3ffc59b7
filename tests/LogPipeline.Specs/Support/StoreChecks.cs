using System.Text.Json.Nodes;

namespace LogPipeline.Specs.Support;

/// <summary>Whether what a scenario sent is in DynamoDB, seen through the Query API.</summary>
public sealed class StoreChecks(PipelineApp pipeline, ITestOutputHelper output)
{
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(90);

    QueryApiClient Query => pipeline.Query;

    /// <summary>Polls <c>GET /api/logs/{id}</c> until every id is found; returns the stored logs by id.</summary>
    public async Task<Dictionary<string, JsonObject>> WaitUntilStoredAsync(IReadOnlyCollection<string> ids, TimeSpan? timeout = null)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        await Eventually.UntilAsync(
            async cancellationToken =>
            {
                var missing = ids.Where(id => !found.ContainsKey(id)).ToArray();
                await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
                {
                    if (await Query.GetLogAsync(id, ct) is { } log)
                    {
                        lock (found)
                        {
                            found[id] = log;
                        }
                    }
                });
                return found.Count;
            },
            count => count == ids.Count,
            timeout ?? StoreTimeout,
            $"all {ids.Count} logs are stored",
            count => $"{count} stored; missing e.g. {string.Join(", ", ids.Where(id => !found.ContainsKey(id)).Take(5))}",
            TimeSpan.FromSeconds(1));
        return found;
    }

    /// <summary>The ids, among <paramref name="ids"/>, that are stored now.</summary>
    public async Task<IReadOnlyList<string>> StoredAmongAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var stored = new List<string>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await Query.GetLogAsync(id, ct) is not null)
            {
                lock (stored)
                {
                    stored.Add(id);
                }
            }
        });
        return stored;
    }

    /// <summary>
    /// Exactly once: every id sent is found by id; the time range of the logs, filtered by the scenario's path,
    /// lists each of them once and nothing else; and the request counter of that path counts each once.
    /// </summary>
    public async Task AssertStoredExactlyOnceAsync(SentLogs sent, TimeSpan? timeout = null)
    {
        var ids = sent.Ids;
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var stored = await WaitUntilStoredAsync(ids, timeout);
        Assert.All(stored, kv => Assert.Equal(kv.Key, kv.Value["log_identifier"]!.GetValue<string>()));

        var listed = await Query.ListLogsAsync(sent.From, sent.To, sent.Path);
        var listedIds = listed.Select(l => l["log_identifier"]!.GetValue<string>()).ToList();
        Assert.Equal(listedIds.Count, listedIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), listedIds.Order(StringComparer.Ordinal));

        // Counters are committed before the items they count, so once every item is found its count is final.
        var counted = await Query.SeriesTotalAsync("path:" + sent.Path, sent.From, sent.To);
        output.WriteLine($"{ids.Count} logs sent; {stored.Count} found by id; {listedIds.Count} listed in their time range; counted {counted}");
        Assert.Equal(ids.Count, counted);
    }
}
