using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage.Queries;

/// <summary>
/// The reads the Query API serves, all by key: a log by id (table key), a time range (time index, fanned out over
/// buckets and shards, newest first) and anomalies (sparse anomaly index, fanned out over shards, highest score
/// first). None of them scans.
/// </summary>
public sealed class LogQueries(IAmazonDynamoDB client, StorageOptions options)
{
    const int FilteredPageSize = 250;

    readonly ShardedIndexReader _reader = new(client);

    public async Task<StoredLog?> GetByIdAsync(string logId, CancellationToken cancellationToken)
    {
        // logId is the partition key and a log has one item, so the first item of its partition is the log.
        var response = await client.QueryAsync(new QueryRequest
        {
            TableName = options.LogTable,
            KeyConditionExpression = "#id = :id",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = LogAttributes.LogId },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = LogItemMapper.S(logId) },
            Limit = 1,
        }, cancellationToken).ConfigureAwait(false);
        return response.Items is [var item, ..] ? LogItemMapper.FromItem(item) : null;
    }

    /// <summary>Logs with <paramref name="from"/> ≤ timestamp ≤ <paramref name="to"/> (epoch ms), newest first.</summary>
    public async Task<LogPage> QueryTimeRangeAsync(long from, long to, LogFilter filter, int limit, IndexCursor? cursor, QueryBudget budget, CancellationToken cancellationToken)
    {
        var bucketMs = options.TimeBucketMilliseconds;
        var lastBucket = WriteSharding.BucketStart(from, bucketMs);
        var bucket = cursor?.BucketStart ?? WriteSharding.BucketStart(to, bucketMs);
        var positions = cursor?.Shards ?? NewPositions();
        var items = new List<StoredLog>(limit);
        IndexCursor? next;
        while (true)
        {
            var currentBucket = bucket;
            var requests = new ShardRequests(
                LogAttributes.TimeShard,
                shard => WriteSharding.TimeShardKey(currentBucket, shard),
                (shard, startKey) => TimeRangeRequest(WriteSharding.TimeShardKey(currentBucket, shard), from, to, filter, limit, startKey),
                OldestTimestamp: from);
            var read = await _reader.ReadAsync(positions, requests, withScore: false, limit - items.Count, budget, cancellationToken).ConfigureAwait(false);
            foreach (var item in read.Items)
            {
                items.Add(LogItemMapper.FromItem(item));
            }

            if (!read.Done)
            {
                next = new IndexCursor(bucket, read.Positions);
                break;
            }

            if (bucket <= lastBucket)
            {
                next = null;
                break;
            }

            bucket -= bucketMs;
            positions = NewPositions();
            if (items.Count >= limit)
            {
                next = new IndexCursor(bucket, positions);
                break;
            }
        }

        return new LogPage(items, next, budget.Used);
    }

    /// <summary>Items of the anomaly index scoring at least <paramref name="minScore"/> within the time range, highest score first.</summary>
    public async Task<LogPage> QueryAnomaliesAsync(double minScore, long from, long to, int limit, IndexCursor? cursor, QueryBudget budget, CancellationToken cancellationToken)
    {
        var requests = new ShardRequests(
            LogAttributes.AnomalyShard,
            WriteSharding.AnomalyShardKey,
            (shard, startKey) => AnomalyRequest(WriteSharding.AnomalyShardKey(shard), minScore, from, to, limit, startKey));
        var read = await _reader.ReadAsync(cursor?.Shards ?? NewPositions(), requests, withScore: true, limit, budget, cancellationToken).ConfigureAwait(false);
        var items = new List<StoredLog>(read.Items.Count);
        foreach (var item in read.Items)
        {
            items.Add(LogItemMapper.FromItem(item));
        }

        return new LogPage(items, read.Done ? null : new IndexCursor(0, read.Positions), budget.Used);
    }

    ShardPosition[] NewPositions() => new ShardPosition[options.WriteShards];

    QueryRequest TimeRangeRequest(string partition, long from, long to, LogFilter filter, int limit, Dictionary<string, AttributeValue>? startKey)
    {
        var request = new QueryRequest
        {
            TableName = options.LogTable,
            IndexName = StorageSchema.TimeIndex,
            KeyConditionExpression = "#shard = :shard AND #ts BETWEEN :from AND :to",
            ExpressionAttributeNames = new Dictionary<string, string>
            {
                ["#shard"] = LogAttributes.TimeShard,
                ["#ts"] = LogAttributes.Timestamp,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":shard"] = LogItemMapper.S(partition),
                [":from"] = LogItemMapper.N(ResumesAtLowerBound(startKey, from) ? from - 1 : from),
                [":to"] = LogItemMapper.N(to),
            },
            ScanIndexForward = false,

            // Limit counts items evaluated before the filter: read further per request when filtering.
            Limit = filter.IsEmpty ? limit : Math.Max(limit, FilteredPageSize),
            ExclusiveStartKey = startKey,
        };
        if (!filter.IsEmpty)
        {
            AddFilter(request, filter);
        }

        return request;
    }

    /// <summary>
    /// DynamoDB rejects a descending BETWEEN query whose start key sits on the lower bound ("The provided starting key
    /// does not match the range key predicate"), although logs remain there when many share that time stamp: such a
    /// request reaches one millisecond lower and the reader stops at the first item below the range.
    /// </summary>
    static bool ResumesAtLowerBound(Dictionary<string, AttributeValue>? startKey, long from) =>
        startKey is not null && LogItemMapper.GetLong(startKey, LogAttributes.Timestamp) == from;

    QueryRequest AnomalyRequest(string partition, double minScore, long from, long to, int limit, Dictionary<string, AttributeValue>? startKey) => new()
    {
        TableName = options.LogTable,
        IndexName = StorageSchema.AnomalyIndex,
        KeyConditionExpression = "#shard = :shard AND #score >= :min",
        FilterExpression = "#ts BETWEEN :from AND :to",
        ExpressionAttributeNames = new Dictionary<string, string>
        {
            ["#shard"] = LogAttributes.AnomalyShard,
            ["#score"] = LogAttributes.AnomalyScore,
            ["#ts"] = LogAttributes.Timestamp,
        },
        ExpressionAttributeValues = new Dictionary<string, AttributeValue>
        {
            [":shard"] = LogItemMapper.S(partition),
            [":min"] = LogItemMapper.N(minScore),
            [":from"] = LogItemMapper.N(from),
            [":to"] = LogItemMapper.N(to),
        },
        ScanIndexForward = false,
        Limit = limit,
        ExclusiveStartKey = startKey,
    };

    static void AddFilter(QueryRequest request, LogFilter filter)
    {
        var conditions = new List<string>(3);
        if (filter.Level is { } level)
        {
            conditions.Add("#level = :level");
            request.ExpressionAttributeNames["#level"] = LogAttributes.LogLevel;
            request.ExpressionAttributeValues[":level"] = LogItemMapper.S(level);
        }

        if (filter.StatusLow is { } low)
        {
            conditions.Add("#status BETWEEN :statusLow AND :statusHigh");
            request.ExpressionAttributeNames["#status"] = LogAttributes.StatusCode;
            request.ExpressionAttributeValues[":statusLow"] = LogItemMapper.N(low);
            request.ExpressionAttributeValues[":statusHigh"] = LogItemMapper.N(filter.StatusHigh ?? low);
        }

        if (filter.Path is { } path)
        {
            conditions.Add("#path = :path");
            request.ExpressionAttributeNames["#path"] = LogAttributes.Path;
            request.ExpressionAttributeValues[":path"] = LogItemMapper.S(path);
        }

        request.FilterExpression = string.Join(" AND ", conditions);
    }
}
