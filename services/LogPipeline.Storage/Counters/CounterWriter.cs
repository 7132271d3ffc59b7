using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;
using LogPipeline.Storage.Writing;

namespace LogPipeline.Storage.Counters;

/// <summary>
/// Adds a batch to the minute and hour roll-ups exactly once. The atomic ADDs of a partition's offset range go in
/// one TransactWriteItems with the partition's offset marker, conditioned on the marker still holding the value
/// read before: a redelivered range finds the marker past it and adds nothing, and a concurrent writer (a
/// rebalance's zombie) fails the condition instead of counting twice. A batch from several partitions is usually
/// one transaction holding every partition's marker (markers read in parallel); only a batch whose buckets and
/// markers exceed one transaction is counted partition by partition. Each bucket item is read first to learn which
/// routes it already counts; an update that gives new routes a counter of their own is conditioned on the item's route
/// count being unchanged, so <see cref="StorageOptions.MaxRoutesPerBucket"/> holds however many writers race.
/// </summary>
sealed class CounterWriter(IAmazonDynamoDB client, StorageOptions options)
{
    const int MaxActionsPerTransaction = 100;
    readonly long _retentionSeconds = (long)TimeSpan.FromDays(options.RetentionDays).TotalSeconds;

    /// <summary>Counts the logs flagged in <paramref name="countable"/> whose offsets were not counted before.</summary>
    /// <returns>How many logs this call added to the counters.</returns>
    public async Task<int> ApplyAsync(IReadOnlyList<PendingLog> logs, bool[] countable, CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<(string Topic, int Partition), List<int>>();
        for (var i = 0; i < logs.Count; i++)
        {
            var key = (logs[i].Source.Topic, logs[i].Source.Partition);
            if (!partitions.TryGetValue(key, out var indexes))
            {
                indexes = [];
                partitions[key] = indexes;
            }

            indexes.Add(i);
        }

        foreach (var indexes in partitions.Values)
        {
            indexes.Sort((a, b) => logs[a].Source.Offset.CompareTo(logs[b].Source.Offset));
        }

        if (partitions.Count > 1 && await TryApplyTogetherAsync(partitions, logs, countable, cancellationToken).ConfigureAwait(false) is { } together)
        {
            return together;
        }

        var counted = 0;
        foreach (var ((topic, partition), indexes) in partitions)
        {
            counted += await ApplyPartitionAsync(topic, partition, indexes, logs, countable, cancellationToken).ConfigureAwait(false);
        }

        return counted;
    }

    /// <summary>Every partition's range in one transaction; <c>null</c> if the batch needs more actions than one holds.</summary>
    async Task<int?> TryApplyTogetherAsync(Dictionary<(string Topic, int Partition), List<int>> partitions, IReadOnlyList<PendingLog> logs, bool[] countable, CancellationToken cancellationToken)
    {
        if (partitions.Count >= MaxActionsPerTransaction)
        {
            return null;
        }

        var keys = partitions.Keys.ToArray();
        var markers = await Task.WhenAll(keys.Select(k => ReadMarkerAsync(k.Topic, k.Partition, cancellationToken))).ConfigureAwait(false);
        var accumulator = new RollupAccumulator();
        var ranges = new List<OffsetRange>(keys.Length);
        var counted = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            long? rangeEnd = null;
            foreach (var i in partitions[keys[k]])
            {
                if (logs[i].Source.Offset < markers[k])
                {
                    continue;
                }

                if (countable[i])
                {
                    accumulator.Add(logs[i].Scored);
                    counted++;
                }

                rangeEnd = logs[i].Source.Offset;
            }

            if (rangeEnd is { } end)
            {
                ranges.Add(new OffsetRange(keys[k].Topic, keys[k].Partition, markers[k], end + 1));
            }
        }

        if (accumulator.ItemCount + ranges.Count > MaxActionsPerTransaction)
        {
            return null;
        }

        if (ranges.Count > 0)
        {
            await CommitAsync(accumulator, ranges, cancellationToken).ConfigureAwait(false);
        }

        return counted;
    }

    async Task<int> ApplyPartitionAsync(string topic, int partition, List<int> indexes, IReadOnlyList<PendingLog> logs, bool[] countable, CancellationToken cancellationToken)
    {
        var next = await ReadMarkerAsync(topic, partition, cancellationToken).ConfigureAwait(false);
        var accumulator = new RollupAccumulator();
        var counted = 0;
        var pending = 0;
        long? rangeEnd = null;
        foreach (var i in indexes)
        {
            var source = logs[i].Source;
            if (source.Offset < next)
            {
                continue;
            }

            if (countable[i])
            {
                if (accumulator.ItemCount + accumulator.NewItemsFor(logs[i].Scored.Log) > MaxActionsPerTransaction - 1)
                {
                    await CommitAsync(accumulator, [new OffsetRange(topic, partition, next, rangeEnd!.Value + 1)], cancellationToken).ConfigureAwait(false);
                    next = rangeEnd.Value + 1;
                    counted += pending;
                    pending = 0;
                    accumulator.Clear();
                }

                accumulator.Add(logs[i].Scored);
                pending++;
            }

            rangeEnd = source.Offset;
        }

        if (rangeEnd is { } end)
        {
            await CommitAsync(accumulator, [new OffsetRange(topic, partition, next, end + 1)], cancellationToken).ConfigureAwait(false);
            counted += pending;
        }

        return counted;
    }

    async Task<long> ReadMarkerAsync(string topic, int partition, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = options.CounterTable,
            Key = MarkerKey(topic, partition),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { } item && item.ContainsKey(CounterAttributes.NextOffset)
            ? LogItemMapper.GetLong(item, CounterAttributes.NextOffset)
            : -1;
    }

    async Task CommitAsync(RollupAccumulator accumulator, IReadOnlyList<OffsetRange> ranges, CancellationToken cancellationToken)
    {
        var buckets = accumulator.Items.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var existing = await Task.WhenAll(buckets.Select(b => ReadRoutesAsync(b.Key.Granularity, b.Key.BucketStart, cancellationToken))).ConfigureAwait(false);
            var actions = new List<TransactWriteItem>(buckets.Length + ranges.Count);
            for (var i = 0; i < buckets.Length; i++)
            {
                var ((granularity, bucketStart), tally) = buckets[i];
                var counters = tally.Resolve(existing[i], options.MaxRoutesPerBucket, out var newRoutes);
                actions.Add(new TransactWriteItem { Update = RollupUpdate(granularity, bucketStart, counters, existing[i], newRoutes) });
            }

            foreach (var range in ranges)
            {
                actions.Add(new TransactWriteItem { Update = MarkerUpdate(range) });
            }

            try
            {
                await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = actions }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TransactionCanceledException ex) when (ConditionFailedAt(ex, buckets.Length, actions.Count))
            {
                var partitions = string.Join(", ", ranges.Select(r => $"{r.Topic}[{r.Partition}]"));
                throw new InvalidOperationException(
                    $"An offset marker of {partitions} moved (another writer counted this range); the batch will be retried.", ex);
            }
            catch (TransactionCanceledException ex) when (ConditionFailedAt(ex, 0, buckets.Length) && attempt < options.MaxWriteAttempts)
            {
                // Another writer gave routes of a bucket counters of their own meanwhile: read the buckets again.
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < options.MaxWriteAttempts)
            {
                // Writers updating the same bucket item at once conflict; the transaction is safe to repeat.
                await Task.Delay(RetryBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    async Task<BucketRoutes> ReadRoutesAsync(CounterGranularity granularity, long bucketStart, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = options.CounterTable,
            Key = RollupKey(granularity, bucketStart),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return BucketRoutes.None;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in item.Keys)
        {
            if (name.StartsWith(CounterNames.PathPrefix, StringComparison.Ordinal) && name.Length > CounterNames.PathPrefix.Length)
            {
                var route = name[CounterNames.PathPrefix.Length..];
                if (route != CounterNames.OtherRoute)
                {
                    known.Add(route);
                }
            }
        }

        return new BucketRoutes(known, item.ContainsKey(CounterNames.Routes) ? LogItemMapper.GetLong(item, CounterNames.Routes) : null);
    }

    Update RollupUpdate(CounterGranularity granularity, long bucketStart, Dictionary<string, double> counters, BucketRoutes existing, int newRoutes)
    {
        var names = new Dictionary<string, string>(counters.Count + 2) { ["#exp"] = CounterAttributes.ExpiresAt };
        var values = new Dictionary<string, AttributeValue>(counters.Count + 3)
        {
            [":exp"] = LogItemMapper.N((bucketStart / 1000) + _retentionSeconds),
        };
        var expression = new System.Text.StringBuilder("ADD ", 24 * (counters.Count + 1));
        var n = 0;
        foreach (var (counter, amount) in counters)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            if (n > 0)
            {
                expression.Append(", ");
            }

            expression.Append("#c").Append(number).Append(" :c").Append(number);
            names["#c" + number] = counter;
            values[":c" + number] = amount == Math.Floor(amount) ? LogItemMapper.N((long)amount) : LogItemMapper.N(amount);
            n++;
        }

        string? condition = null;
        if (newRoutes > 0)
        {
            // The count moves from what was read to every route the item will count (items older than the count
            // attribute start from the routes they hold); the condition makes a racing writer re-read instead.
            names["#routes"] = CounterNames.Routes;
            values[":routes"] = LogItemMapper.N(existing.Count + newRoutes - (existing.Stored ?? 0));
            expression.Append(", #routes :routes");
            if (existing.Stored is { } stored)
            {
                condition = "#routes = :stored";
                values[":stored"] = LogItemMapper.N(stored);
            }
            else
            {
                condition = "attribute_not_exists(#routes)";
            }
        }

        expression.Append(" SET #exp = :exp");
        return new Update
        {
            TableName = options.CounterTable,
            Key = RollupKey(granularity, bucketStart),
            UpdateExpression = expression.ToString(),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    static Dictionary<string, AttributeValue> RollupKey(CounterGranularity granularity, long bucketStart) => new()
    {
        [CounterAttributes.Series] = LogItemMapper.S(CounterNames.RollupSeries(granularity)),
        [CounterAttributes.Bucket] = LogItemMapper.S(WriteSharding.MinuteLabel(bucketStart)),
    };

    Update MarkerUpdate(OffsetRange range)
    {
        var values = new Dictionary<string, AttributeValue> { [":next"] = LogItemMapper.N(range.NewNext) };
        string condition;
        if (range.ExpectedNext < 0)
        {
            condition = "attribute_not_exists(#next)";
        }
        else
        {
            condition = "#next = :expected";
            values[":expected"] = LogItemMapper.N(range.ExpectedNext);
        }

        return new Update
        {
            TableName = options.CounterTable,
            Key = MarkerKey(range.Topic, range.Partition),
            UpdateExpression = "SET #next = :next",
            ConditionExpression = condition,
            ExpressionAttributeNames = new Dictionary<string, string> { ["#next"] = CounterAttributes.NextOffset },
            ExpressionAttributeValues = values,
        };
    }

    static Dictionary<string, AttributeValue> MarkerKey(string topic, int partition) => new()
    {
        [CounterAttributes.Series] = LogItemMapper.S(CounterNames.OffsetsSeries(topic)),
        [CounterAttributes.Bucket] = LogItemMapper.S(partition.ToString("D5", CultureInfo.InvariantCulture)),
    };

    /// <summary>Whether an action in [<paramref name="from"/>, <paramref name="to"/>) failed its condition.</summary>
    static bool ConditionFailedAt(TransactionCanceledException exception, int from, int to)
    {
        var reasons = exception.CancellationReasons;
        for (var i = from; reasons is not null && i < Math.Min(to, reasons.Count); i++)
        {
            if (reasons[i].Code == "ConditionalCheckFailed")
            {
                return true;
            }
        }

        return false;
    }

    static bool IsTransient(Exception exception) =>
        exception is TransactionConflictException or TransactionInProgressException
        || (exception is TransactionCanceledException canceled
            && canceled.CancellationReasons?.TrueForAll(r => r.Code is null or "None" or "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded") == true)
        || RetryBackoff.IsThrottling(exception);

    /// <summary>A partition's offsets counted by one transaction: its marker moves from ExpectedNext to NewNext.</summary>
    readonly record struct OffsetRange(string Topic, int Partition, long ExpectedNext, long NewNext);
}
