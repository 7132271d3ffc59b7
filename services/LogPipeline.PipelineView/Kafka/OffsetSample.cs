namespace LogPipeline.PipelineView.Kafka;

/// <summary>
/// The pipeline's counts read from the broker at one moment: records in the raw topic (generated), committed by the
/// scorer's group on it (scored), committed by the writer's group on the scored topic (stored), in the dead-letter
/// topic, and each group's lag per partition.
/// </summary>
public sealed record OffsetSample(long Generated, long Scored, long Stored, long DeadLetters, IReadOnlyList<PartitionLag> Lag);
