using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage.Queries;

/// <summary>Reads the minute and hour roll-ups written by the counter writer (Query on one partition, never Scan).</summary>
public sealed class CounterQueries(IAmazonDynamoDB client, StorageOptions options)
{
    const long MinuteMs = 60_000;
    const long HourMs = 3_600_000;

    /// <summary>
    /// One point per bucket whose start lies in [bucket of <paramref name="from"/>, bucket of <paramref name="to"/>],
    /// zero where nothing was counted.
    /// </summary>
    public async Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string counter, CounterGranularity granularity, long from, long to, CancellationToken cancellationToken)
    {
        var bucketMs = RollupAccumulator.BucketMilliseconds(granularity);
        var first = WriteSharding.BucketStart(from, bucketMs);
        var last = WriteSharding.BucketStart(to, bucketMs);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        await foreach (var item in ReadAsync(granularity, first, last, counter, cancellationToken).ConfigureAwait(false))
        {
            values[item[CounterAttributes.Bucket].S] = LogItemMapper.GetDouble(item, counter);
        }

        var points = new List<SeriesPoint>((int)((last - first) / bucketMs) + 1);
        for (var bucket = first; bucket <= last; bucket += bucketMs)
        {
            points.Add(new SeriesPoint(bucket, values.GetValueOrDefault(WriteSharding.MinuteLabel(bucket))));
        }

        return points;
    }

    /// <summary>
    /// Totals over the minutes from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>:
    /// whole hours from the hour roll-ups, the ragged ends from the minute roll-ups.
    /// </summary>
    public async Task<TrafficSummary> GetSummaryAsync(long from, long to, int topPaths, CancellationToken cancellationToken)
    {
        var firstMinute = WriteSharding.BucketStart(from, MinuteMs);
        var lastMinute = WriteSharding.BucketStart(to, MinuteMs);
        var firstWholeHour = WriteSharding.BucketStart(firstMinute + HourMs - 1, HourMs);
        var wholeHoursEnd = WriteSharding.BucketStart(lastMinute + MinuteMs, HourMs);

        var reads = new List<Task<Dictionary<string, double>>>(3);
        if (firstWholeHour < wholeHoursEnd)
        {
            if (firstMinute < firstWholeHour)
            {
                reads.Add(SumAsync(CounterGranularity.Minute, firstMinute, firstWholeHour - MinuteMs, cancellationToken));
            }

            reads.Add(SumAsync(CounterGranularity.Hour, firstWholeHour, wholeHoursEnd - HourMs, cancellationToken));
            if (wholeHoursEnd <= lastMinute)
            {
                reads.Add(SumAsync(CounterGranularity.Minute, wholeHoursEnd, lastMinute, cancellationToken));
            }
        }
        else
        {
            reads.Add(SumAsync(CounterGranularity.Minute, firstMinute, lastMinute, cancellationToken));
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in await Task.WhenAll(reads).ConfigureAwait(false))
        {
            foreach (var (name, value) in part)
            {
                totals[name] = totals.GetValueOrDefault(name) + value;
            }
        }

        return Summarize(firstMinute, lastMinute + MinuteMs - 1, totals, topPaths);
    }

    static TrafficSummary Summarize(long from, long to, Dictionary<string, double> totals, int topPaths)
    {
        var total = (long)totals.GetValueOrDefault(CounterNames.Total);
        var anomalies = (long)totals.GetValueOrDefault(CounterNames.Anomalies);
        var levels = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var level in CounterNames.KnownLevels)
        {
            levels[level] = (long)totals.GetValueOrDefault(CounterNames.Level(level));
        }

        var statuses = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var statusClass in CounterNames.KnownStatusClasses)
        {
            statuses[statusClass] = (long)totals.GetValueOrDefault(CounterNames.StatusPrefix + statusClass);
        }

        var paths = new List<PathAnomalies>();
        var latency = new double[LatencyHistogram.BucketCount];
        foreach (var (name, value) in totals)
        {
            if (name.StartsWith(CounterNames.PathAnomaliesPrefix, StringComparison.Ordinal) && value > 0)
            {
                var path = name[CounterNames.PathAnomaliesPrefix.Length..];
                paths.Add(new PathAnomalies(path, (long)value, (long)totals.GetValueOrDefault(CounterNames.Path(path))));
            }
            else if (name.StartsWith(CounterNames.LatencyPrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(CounterNames.LatencyPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var bucket)
                && (uint)bucket < (uint)latency.Length)
            {
                latency[bucket] = value;
            }
        }

        paths.Sort((a, b) => a.Anomalies != b.Anomalies ? b.Anomalies.CompareTo(a.Anomalies) : string.CompareOrdinal(a.Path, b.Path));
        if (paths.Count > topPaths)
        {
            paths.RemoveRange(topPaths, paths.Count - topPaths);
        }

        return new TrafficSummary(
            from,
            to,
            total,
            anomalies,
            total == 0 ? 0 : (double)anomalies / total,
            levels,
            statuses,
            paths,
            total == 0 ? null : totals.GetValueOrDefault(CounterNames.ResponseTimeSum) / total,
            LatencyHistogram.Percentile(latency, 0.50),
            LatencyHistogram.Percentile(latency, 0.95));
    }

    async Task<Dictionary<string, double>> SumAsync(CounterGranularity granularity, long firstBucket, long lastBucket, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        await foreach (var item in ReadAsync(granularity, firstBucket, lastBucket, projection: null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (name, value) in item)
            {
                if (value.N is not null && name != CounterAttributes.ExpiresAt)
                {
                    sums[name] = sums.GetValueOrDefault(name) + LogItemMapper.GetDouble(item, name);
                }
            }
        }

        return sums;
    }

    async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadAsync(
        CounterGranularity granularity,
        long firstBucket,
        long lastBucket,
        string? projection,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = options.CounterTable,
            KeyConditionExpression = "#series = :series AND #bucket BETWEEN :first AND :last",
            ExpressionAttributeNames = new Dictionary<string, string>
            {
                ["#series"] = CounterAttributes.Series,
                ["#bucket"] = CounterAttributes.Bucket,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":series"] = LogItemMapper.S(CounterNames.RollupSeries(granularity)),
                [":first"] = LogItemMapper.S(WriteSharding.MinuteLabel(firstBucket)),
                [":last"] = LogItemMapper.S(WriteSharding.MinuteLabel(lastBucket)),
            },
        };
        if (projection is not null)
        {
            request.ProjectionExpression = "#bucket, #counter";
            request.ExpressionAttributeNames["#counter"] = projection;
        }

        do
        {
            var response = await client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Items is { } items)
            {
                foreach (var item in items)
                {
                    yield return item;
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }
}
