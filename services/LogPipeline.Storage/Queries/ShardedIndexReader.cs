using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage.Queries;

/// <summary>
/// Reads the shards of one index partition set in parallel and merges them into one ordered stream: every shard
/// is queried in the index's order (highest first), and the best head among the shards is taken next. Each
/// shard's position after the page is the key of the last item taken from it — or, when everything fetched was
/// taken, DynamoDB's own LastEvaluatedKey — so the next page resumes exactly there.
/// </summary>
sealed class ShardedIndexReader(IAmazonDynamoDB client)
{
    public async Task<ShardReadResult> ReadAsync(
        ShardPosition[] start,
        ShardRequests requests,
        bool withScore,
        int want,
        QueryBudget budget,
        CancellationToken cancellationToken)
    {
        var streams = new ShardStream[start.Length];
        for (var shard = 0; shard < start.Length; shard++)
        {
            streams[shard] = new ShardStream(shard, start[shard], withScore);
        }

        var taken = new List<Dictionary<string, AttributeValue>>(want);
        var needFetch = new List<ShardStream>(streams.Length);
        while (taken.Count < want)
        {
            needFetch.Clear();
            foreach (var stream in streams)
            {
                if (stream.NeedsFetch)
                {
                    needFetch.Add(stream);
                }
            }

            if (needFetch.Count > 0)
            {
                if (!budget.TrySpend(needFetch.Count))
                {
                    break;
                }

                var fetches = new Task[needFetch.Count];
                for (var i = 0; i < needFetch.Count; i++)
                {
                    fetches[i] = needFetch[i].FetchAsync(client, requests, cancellationToken);
                }

                await Task.WhenAll(fetches).ConfigureAwait(false);
                continue;
            }

            ShardStream? best = null;
            foreach (var stream in streams)
            {
                if (stream.HasHead && (best is null || stream.Head.CompareTo(best.Head) > 0))
                {
                    best = stream;
                }
            }

            if (best is null)
            {
                break;
            }

            taken.Add(best.Take());
        }

        var positions = new ShardPosition[streams.Length];
        var done = true;
        for (var shard = 0; shard < streams.Length; shard++)
        {
            positions[shard] = streams[shard].Position;
            done &= positions[shard].State == ShardState.Done;
        }

        return new ShardReadResult(taken, positions, done);
    }

    public static Dictionary<string, AttributeValue> StartKey(string partitionAttribute, string partitionValue, ShardPosition position)
    {
        var key = new Dictionary<string, AttributeValue>(4)
        {
            [partitionAttribute] = LogItemMapper.S(partitionValue),
            [LogAttributes.LogId] = LogItemMapper.S(position.LogId!),
            [LogAttributes.Timestamp] = LogItemMapper.N(position.Timestamp),
        };
        if (position.Score is not null)
        {
            key[LogAttributes.AnomalyScore] = new AttributeValue { N = position.Score };
        }

        return key;
    }

    /// <summary>Sort order of merged results: score (anomaly index only), then timestamp, then id; highest first.</summary>
    readonly record struct SortKey(double Score, long Timestamp, string LogId) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var byScore = Score.CompareTo(other.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = Timestamp.CompareTo(other.Timestamp);
            return byTime != 0 ? byTime : string.CompareOrdinal(LogId, other.LogId);
        }
    }

    sealed class ShardStream(int shard, ShardPosition start, bool withScore)
    {
        readonly Queue<(Dictionary<string, AttributeValue> Item, SortKey Key)> _buffer = new();
        Dictionary<string, AttributeValue>? _lastTaken;
        Dictionary<string, AttributeValue>? _lastEvaluated;
        bool _fetched;

        public bool NeedsFetch => start.State != ShardState.Done && _buffer.Count == 0 && (!_fetched || _lastEvaluated is not null);

        public bool HasHead => _buffer.Count > 0;

        public SortKey Head => _buffer.Peek().Key;

        public ShardPosition Position
        {
            get
            {
                if (start.State == ShardState.Done)
                {
                    return ShardPosition.Done;
                }

                if (_buffer.Count > 0)
                {
                    return _lastTaken is null ? start : PositionOf(_lastTaken);
                }

                if (!_fetched)
                {
                    return start;
                }

                return _lastEvaluated is null ? ShardPosition.Done : PositionOf(_lastEvaluated);
            }
        }

        public async Task FetchAsync(IAmazonDynamoDB client, ShardRequests requests, CancellationToken cancellationToken)
        {
            var startKey = _fetched
                ? _lastEvaluated
                : start.State == ShardState.Positioned ? StartKey(requests.PartitionAttribute, requests.PartitionValue(shard), start) : null;
            var response = await client.QueryAsync(requests.Create(shard, startKey), cancellationToken).ConfigureAwait(false);
            _fetched = true;
            _lastEvaluated = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            if (response.Items is { } items)
            {
                foreach (var item in items)
                {
                    var key = KeyOf(item);
                    if (key.Timestamp < requests.OldestTimestamp)
                    {
                        _lastEvaluated = null;
                        break;
                    }

                    _buffer.Enqueue((item, key));
                }
            }
        }

        public Dictionary<string, AttributeValue> Take()
        {
            _lastTaken = _buffer.Dequeue().Item;
            return _lastTaken;
        }

        SortKey KeyOf(Dictionary<string, AttributeValue> item) => new(
            withScore ? LogItemMapper.GetDouble(item, LogAttributes.AnomalyScore) : 0,
            LogItemMapper.GetLong(item, LogAttributes.Timestamp),
            LogItemMapper.GetString(item, LogAttributes.LogId) ?? "");

        ShardPosition PositionOf(Dictionary<string, AttributeValue> key) => new(
            ShardState.Positioned,
            LogItemMapper.GetString(key, LogAttributes.LogId),
            LogItemMapper.GetLong(key, LogAttributes.Timestamp),
            withScore && key.TryGetValue(LogAttributes.AnomalyScore, out var score) ? score.N : null);
    }
}
