using Amazon.DynamoDBv2.Model;

namespace LogPipeline.Storage.Queries;

/// <summary>
/// Builds the Query request for one shard of an index read, resuming after <c>exclusiveStartKey</c>. A request may
/// reach below the range (see <see cref="LogQueries"/>); items older than <see cref="OldestTimestamp"/> end the shard.
/// </summary>
sealed record ShardRequests(
    string PartitionAttribute,
    Func<int, string> PartitionValue,
    Func<int, Dictionary<string, AttributeValue>?, QueryRequest> Create,
    long OldestTimestamp = long.MinValue);
