using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LogPipeline.Storage.Schema;

/// <summary>Converts a <see cref="TableSchema"/> into the AWS SDK's requests.</summary>
public static class TableSchemaRequests
{
    public static CreateTableRequest ToCreateTableRequest(this TableSchema table)
    {
        var request = new CreateTableRequest
        {
            TableName = table.Name,
            BillingMode = table.OnDemandBilling ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            AttributeDefinitions = [],
            KeySchema = KeySchema(table.PartitionKey, table.SortKey),
        };
        foreach (var attribute in table.KeyAttributes)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(attribute.Name, ToScalarType(attribute.Kind)));
        }

        if (table.GlobalSecondaryIndexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = [];
            foreach (var index in table.GlobalSecondaryIndexes)
            {
                request.GlobalSecondaryIndexes.Add(new GlobalSecondaryIndex
                {
                    IndexName = index.Name,
                    KeySchema = KeySchema(index.PartitionKey, index.SortKey),
                    Projection = new Projection
                    {
                        ProjectionType = index.Projection == IndexProjection.All ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
                    },
                });
            }
        }

        return request;
    }

    public static UpdateTimeToLiveRequest? ToUpdateTimeToLiveRequest(this TableSchema table) =>
        table.TimeToLiveAttribute is null
            ? null
            : new UpdateTimeToLiveRequest
            {
                TableName = table.Name,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = table.TimeToLiveAttribute, Enabled = true },
            };

    static List<KeySchemaElement> KeySchema(KeyAttribute partitionKey, KeyAttribute? sortKey)
    {
        var keys = new List<KeySchemaElement> { new(partitionKey.Name, KeyType.HASH) };
        if (sortKey is not null)
        {
            keys.Add(new KeySchemaElement(sortKey.Name, KeyType.RANGE));
        }

        return keys;
    }

    static ScalarAttributeType ToScalarType(AttributeKind kind) => kind switch
    {
        AttributeKind.String => ScalarAttributeType.S,
        AttributeKind.Number => ScalarAttributeType.N,
        _ => ScalarAttributeType.B,
    };
}
