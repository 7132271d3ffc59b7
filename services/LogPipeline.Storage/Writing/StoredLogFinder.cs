using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage.Writing;

/// <summary>
/// Finds which logs already have an item (strongly consistent BatchGetItem, keys only), so a log delivered again
/// (redelivered batch, or a duplicate produced upstream) is neither written nor counted a second time.
/// </summary>
sealed class StoredLogFinder(IAmazonDynamoDB client, StorageOptions options)
{
    const int MaxKeysPerRequest = 100;

    public async Task<HashSet<string>> FindStoredAsync(IReadOnlyList<PendingLog> logs, bool[] candidates, CancellationToken cancellationToken)
    {
        var keys = new List<Dictionary<string, AttributeValue>>(logs.Count);
        for (var i = 0; i < logs.Count; i++)
        {
            if (candidates[i])
            {
                keys.Add(new Dictionary<string, AttributeValue>(2)
                {
                    [LogAttributes.LogId] = LogItemMapper.S(logs[i].Scored.Log.LogIdentifier),
                    [LogAttributes.Timestamp] = LogItemMapper.N(logs[i].Scored.Log.Timestamp),
                });
            }
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        var requests = new List<Task<List<Dictionary<string, AttributeValue>>>>();
        for (var start = 0; start < keys.Count; start += MaxKeysPerRequest)
        {
            requests.Add(GetAsync(keys.GetRange(start, Math.Min(MaxKeysPerRequest, keys.Count - start)), cancellationToken));
        }

        foreach (var items in await Task.WhenAll(requests).ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                stored.Add(item[LogAttributes.LogId].S);
            }
        }

        return stored;
    }

    async Task<List<Dictionary<string, AttributeValue>>> GetAsync(List<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, AttributeValue>>(keys.Count);
        var pending = new Dictionary<string, KeysAndAttributes>
        {
            [options.LogTable] = new() { Keys = keys, ConsistentRead = true, ProjectionExpression = LogAttributes.LogId },
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
                if (response.Responses?.TryGetValue(options.LogTable, out var items) == true)
                {
                    found.AddRange(items);
                }

                if (response.UnprocessedKeys is not { Count: > 0 } unprocessed)
                {
                    return found;
                }

                pending = unprocessed;
            }
            catch (Exception ex) when (RetryBackoff.IsThrottling(ex) && attempt < options.MaxWriteAttempts)
            {
            }

            if (attempt >= options.MaxWriteAttempts)
            {
                throw new InvalidOperationException($"DynamoDB left keys unprocessed after {attempt} attempts; the batch will be retried.");
            }

            await Task.Delay(RetryBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }
}
