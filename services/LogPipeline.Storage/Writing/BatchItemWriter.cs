using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LogPipeline.Storage.Writing;

/// <summary>
/// Puts items with BatchWriteItem, 25 per request and at most <see cref="StorageOptions.MaxBatchesInFlight"/>
/// requests at once. Unprocessed items and throttled requests are sent again after a capped, jittered
/// exponential backoff; after <see cref="StorageOptions.MaxWriteAttempts"/> the whole call fails so the consumer
/// batch is retried and its offsets stay uncommitted.
/// </summary>
sealed class BatchItemWriter(IAmazonDynamoDB client, StorageOptions options, WriterMetrics metrics)
{
    public const int MaxItemsPerRequest = 25;

    public Task WriteAsync(string table, IReadOnlyList<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        var requestCount = (items.Count + MaxItemsPerRequest - 1) / MaxItemsPerRequest;
        if (requestCount == 0)
        {
            return Task.CompletedTask;
        }

        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxBatchesInFlight), CancellationToken = cancellationToken };
        return Parallel.ForAsync(0, requestCount, parallelism, async (request, token) =>
        {
            var start = request * MaxItemsPerRequest;
            var end = Math.Min(start + MaxItemsPerRequest, items.Count);
            var writes = new List<WriteRequest>(end - start);
            for (var i = start; i < end; i++)
            {
                writes.Add(new WriteRequest { PutRequest = new PutRequest { Item = items[i] } });
            }

            await WriteRequestAsync(table, writes, token).ConfigureAwait(false);
        });
    }

    async Task WriteRequestAsync(string table, List<WriteRequest> writes, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, List<WriteRequest>> { [table] = writes };
        for (var attempt = 1; ; attempt++)
        {
            var sent = pending[table].Count;
            try
            {
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
                var left = response.UnprocessedItems is { } unprocessed && unprocessed.TryGetValue(table, out var rest) ? rest : null;
                metrics.ItemsWritten.Add(sent - (left?.Count ?? 0));
                if (left is not { Count: > 0 })
                {
                    return;
                }

                metrics.UnprocessedRetries.Add(left.Count);
                pending = new Dictionary<string, List<WriteRequest>> { [table] = left };
            }
            catch (Exception ex) when (RetryBackoff.IsThrottling(ex) && attempt < options.MaxWriteAttempts)
            {
                metrics.Throttles.Add(1);
            }

            if (attempt >= options.MaxWriteAttempts)
            {
                throw new InvalidOperationException(
                    $"DynamoDB left {pending[table].Count} items unprocessed after {attempt} attempts; the batch will be retried.");
            }

            await Task.Delay(RetryBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }
}
