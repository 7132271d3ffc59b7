using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage.Tests.Infrastructure;

/// <summary>Reads tables directly (Scan is fine in tests: they check the stored state independently of the queries).</summary>
public static class TableReader
{
    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        var request = new ScanRequest { TableName = table };
        do
        {
            var response = await client.ScanAsync(request);
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return items;
    }

    public static async Task<List<StoredLog>> LogsBetweenAsync(IAmazonDynamoDB client, StorageOptions options, long from, long to)
    {
        var logs = new List<StoredLog>();
        foreach (var item in await ScanAsync(client, options.LogTable))
        {
            var log = LogItemMapper.FromItem(item);
            if (log.Scored.Log.Timestamp >= from && log.Scored.Log.Timestamp <= to)
            {
                logs.Add(log);
            }
        }

        return logs;
    }

    /// <summary>Every roll-up item of <paramref name="granularity"/> whose bucket starts in [from, to], keyed by bucket label.</summary>
    public static async Task<Dictionary<string, Dictionary<string, double>>> RollupsAsync(IAmazonDynamoDB client, StorageOptions options, CounterGranularity granularity, long from, long to)
    {
        var rollups = new Dictionary<string, Dictionary<string, double>>();
        var request = new QueryRequest
        {
            TableName = options.CounterTable,
            KeyConditionExpression = "#s = :s AND #b BETWEEN :from AND :to",
            ExpressionAttributeNames = new() { ["#s"] = CounterAttributes.Series, ["#b"] = CounterAttributes.Bucket },
            ExpressionAttributeValues = new()
            {
                [":s"] = new AttributeValue { S = CounterNames.RollupSeries(granularity) },
                [":from"] = new AttributeValue { S = WriteSharding.MinuteLabel(from) },
                [":to"] = new AttributeValue { S = WriteSharding.MinuteLabel(to) },
            },
        };
        do
        {
            var response = await client.QueryAsync(request);
            foreach (var item in response.Items ?? [])
            {
                var counters = new Dictionary<string, double>();
                foreach (var (name, value) in item)
                {
                    if (value.N is not null && name != CounterAttributes.ExpiresAt)
                    {
                        counters[name] = double.Parse(value.N, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                rollups[item[CounterAttributes.Bucket].S] = counters;
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return rollups;
    }

    /// <summary>What the roll-ups should hold, recounted from stored items (integer counters only, every route within the bound).</summary>
    public static Dictionary<string, Dictionary<string, double>> Recount(IEnumerable<StoredLog> logs, CounterGranularity granularity)
    {
        var bucketMs = granularity == CounterGranularity.Minute ? 60_000L : 3_600_000L;
        var expected = new Dictionary<string, Dictionary<string, double>>();
        foreach (var stored in logs)
        {
            var (log, verdict) = stored.Scored;
            var label = WriteSharding.MinuteLabel(WriteSharding.BucketStart(log.Timestamp, bucketMs));
            if (!expected.TryGetValue(label, out var counters))
            {
                expected[label] = counters = [];
            }

            Add(counters, CounterNames.Total);
            Add(counters, CounterNames.Level(log.LogLevel));
            Add(counters, CounterNames.StatusClass(log.StatusCode));
            Add(counters, CounterNames.Path(log.Path));
            Add(counters, CounterNames.Latency(LatencyHistogram.BucketOf(log.ResponseTime)));
            if (verdict.IsAnomaly)
            {
                Add(counters, CounterNames.Anomalies);
                Add(counters, CounterNames.PathAnomalies(log.Path));
            }
        }

        foreach (var counters in expected.Values)
        {
            counters[CounterNames.Routes] = counters.Keys.Count(k => k.StartsWith(CounterNames.PathPrefix, StringComparison.Ordinal));
        }

        return expected;
    }

    /// <summary>The roll-ups without the non-integer response-time sum, for exact comparison with <see cref="Recount"/>.</summary>
    public static Dictionary<string, Dictionary<string, double>> WithoutSums(Dictionary<string, Dictionary<string, double>> rollups)
    {
        foreach (var counters in rollups.Values)
        {
            counters.Remove(CounterNames.ResponseTimeSum);
        }

        return rollups;
    }

    static void Add(Dictionary<string, double> counters, string name) => counters[name] = counters.GetValueOrDefault(name) + 1;
}
