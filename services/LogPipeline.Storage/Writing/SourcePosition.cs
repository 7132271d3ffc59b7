namespace LogPipeline.Storage.Writing;

/// <summary>Where a log came from in Kafka; offsets make counter updates idempotent.</summary>
public readonly record struct SourcePosition(string Topic, int Partition, long Offset);
