using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.KMS;
using Constructs;
using LogPipeline.Storage;
using LogPipeline.Storage.Schema;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace LogPipeline.Deploy.Data;

/// <summary>
/// KafkaLogData and KafkaLogCounters, declared from <see cref="StorageSchema"/> — the one definition the AppHost turns
/// into CreateTableRequests locally — with what production adds: on-demand billing, TTL, point-in-time recovery and
/// encryption with a customer managed KMS key.
/// </summary>
public sealed class LogTables : Construct
{
    /// <param name="changeStream">The Kinesis Data Stream the log table streams its item changes into (the Firehose archive path), if any.</param>
    public LogTables(Construct scope, string id, StorageOptions storage, IKey key, bool retain, IStream? changeStream = null)
        : base(scope, id)
    {
        LogSchema = StorageSchema.LogTable(storage);
        CounterSchema = StorageSchema.CounterTable(storage);
        LogTable = ToTable(this, "LogTable", LogSchema, key, retain, changeStream);
        CounterTable = ToTable(this, "CounterTable", CounterSchema, key, retain);
        Key = key;
    }

    public TableSchema LogSchema { get; }

    public TableSchema CounterSchema { get; }

    public Table LogTable { get; }

    public Table CounterTable { get; }

    public IKey Key { get; }

    /// <summary>A <see cref="Table"/> with the keys, indexes, TTL attribute and billing mode of <paramref name="schema"/>.</summary>
    public static Table ToTable(Construct scope, string id, TableSchema schema, IKey key, bool retain, IStream? changeStream = null)
    {
        var table = new Table(scope, id, new TableProps
        {
            TableName = schema.Name,
            PartitionKey = ToAttribute(schema.PartitionKey),
            SortKey = schema.SortKey is { } sortKey ? ToAttribute(sortKey) : null,
            BillingMode = schema.OnDemandBilling ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            TimeToLiveAttribute = schema.TimeToLiveAttribute,
            PointInTimeRecovery = true,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = key,
            DeletionProtection = retain,
            RemovalPolicy = retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            KinesisStream = changeStream,
        });
        foreach (var index in schema.GlobalSecondaryIndexes)
        {
            table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
            {
                IndexName = index.Name,
                PartitionKey = ToAttribute(index.PartitionKey),
                SortKey = index.SortKey is { } indexSortKey ? ToAttribute(indexSortKey) : null,
                ProjectionType = index.Projection == IndexProjection.All ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
            });
        }

        return table;
    }

    private static Attribute ToAttribute(KeyAttribute attribute) => new()
    {
        Name = attribute.Name,
        Type = attribute.Kind switch
        {
            AttributeKind.String => AttributeType.STRING,
            AttributeKind.Number => AttributeType.NUMBER,
            _ => AttributeType.BINARY,
        },
    };
}
