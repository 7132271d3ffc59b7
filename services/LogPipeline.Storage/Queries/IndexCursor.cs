namespace LogPipeline.Storage.Queries;

/// <summary>The state of a paged, sharded index read: the time bucket being read (time index) and each shard's position.</summary>
public sealed record IndexCursor(long BucketStart, ShardPosition[] Shards);
