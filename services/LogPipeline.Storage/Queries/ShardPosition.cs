namespace LogPipeline.Storage.Queries;

/// <summary>
/// Where reading one index shard resumes: after the item with this key (the table key plus, for the anomaly
/// index, its score as DynamoDB wrote it). Resuming from a key, not from an offset, is what keeps pages free of
/// gaps and duplicates while items are being written.
/// </summary>
public readonly record struct ShardPosition(ShardState State, string? LogId = null, long Timestamp = 0, string? Score = null)
{
    public static ShardPosition NotStarted => default;

    public static ShardPosition Done => new(ShardState.Done);
}
