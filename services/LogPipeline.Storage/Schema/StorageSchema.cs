namespace LogPipeline.Storage.Schema;

/// <summary>The one definition of LogPipeline's DynamoDB tables and indexes.</summary>
public static class StorageSchema
{
    public const string TimeIndex = "TimeIndex";
    public const string AnomalyIndex = "AnomalyIndex";

    public static TableSchema LogTable(StorageOptions options) => new(
        options.LogTable,
        new KeyAttribute(LogAttributes.LogId, AttributeKind.String),
        new KeyAttribute(LogAttributes.Timestamp, AttributeKind.Number),
        [
            new IndexSchema(
                TimeIndex,
                new KeyAttribute(LogAttributes.TimeShard, AttributeKind.String),
                new KeyAttribute(LogAttributes.Timestamp, AttributeKind.Number),
                IndexProjection.All),
            new IndexSchema(
                AnomalyIndex,
                new KeyAttribute(LogAttributes.AnomalyShard, AttributeKind.String),
                new KeyAttribute(LogAttributes.AnomalyScore, AttributeKind.Number),
                IndexProjection.All),
        ],
        LogAttributes.ExpiresAt);

    public static TableSchema CounterTable(StorageOptions options) => new(
        options.CounterTable,
        new KeyAttribute(CounterAttributes.Series, AttributeKind.String),
        new KeyAttribute(CounterAttributes.Bucket, AttributeKind.String),
        [],
        CounterAttributes.ExpiresAt);

    public static IReadOnlyList<TableSchema> All(StorageOptions options) => [LogTable(options), CounterTable(options)];
}
