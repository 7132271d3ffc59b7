namespace LogPipeline.Storage.Schema;

/// <summary>A global secondary index. Only items that carry both key attributes appear in it (sparse index).</summary>
public sealed record IndexSchema(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey, IndexProjection Projection);
