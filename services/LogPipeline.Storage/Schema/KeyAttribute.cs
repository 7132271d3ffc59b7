namespace LogPipeline.Storage.Schema;

public sealed record KeyAttribute(string Name, AttributeKind Kind);
