namespace LogPipeline.PipelineView.Kafka;

/// <summary>How many messages of one partition a consumer group has not committed yet (high watermark − committed).</summary>
public sealed record PartitionLag(string Group, string Topic, int Partition, long Lag);
