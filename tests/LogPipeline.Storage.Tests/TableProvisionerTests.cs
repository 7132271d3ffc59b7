using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;
using LogPipeline.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Storage.Tests;

public class TableProvisionerTests(DynamoDbLocal dynamo) : IClassFixture<DynamoDbLocal>
{
    [Fact]
    public async Task EnsureTablesCreatesTheLogTableWithItsKeysIndexesAndOnDemandBilling()
    {
        var table = (await dynamo.Client.DescribeTableAsync(dynamo.Options.LogTable)).Table;

        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
        Assert.Equal(["logId:HASH", "timestamp:RANGE"], Keys(table.KeySchema));
        var indexes = table.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName);
        Assert.Equal(["timeShard:HASH", "timestamp:RANGE"], Keys(indexes[StorageSchema.TimeIndex].KeySchema));
        Assert.Equal(["anomalyShard:HASH", "anomalyScore:RANGE"], Keys(indexes[StorageSchema.AnomalyIndex].KeySchema));
        Assert.All(indexes.Values, i => Assert.Equal(ProjectionType.ALL, i.Projection.ProjectionType));
    }

    [Fact]
    public async Task EnsureTablesTurnsTimeToLiveOnForExpiresAtOnBothTables()
    {
        foreach (var name in new[] { dynamo.Options.LogTable, dynamo.Options.CounterTable })
        {
            var ttl = (await dynamo.Client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription;

            Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
            Assert.Equal("expiresAt", ttl.AttributeName);
        }
    }

    [Fact]
    public async Task EnsureTablesCanRunAgainAndLeavesExistingTablesAndDataAlone()
    {
        await dynamo.Client.PutItemAsync(dynamo.Options.CounterTable, new Dictionary<string, AttributeValue>
        {
            ["series"] = new() { S = "provisioner-test" },
            ["bucket"] = new() { S = "kept" },
        });

        await TableProvisioner.EnsureTablesAsync(dynamo.Client, dynamo.Options, NullLogger.Instance, CancellationToken.None);

        var tables = (await dynamo.Client.ListTablesAsync()).TableNames;
        Assert.Equal(2, tables.Count(t => t == dynamo.Options.LogTable || t == dynamo.Options.CounterTable));
        var kept = await dynamo.Client.GetItemAsync(dynamo.Options.CounterTable, new Dictionary<string, AttributeValue>
        {
            ["series"] = new() { S = "provisioner-test" },
            ["bucket"] = new() { S = "kept" },
        });
        Assert.True(kept.IsItemSet);
    }

    [Fact]
    public async Task TheArticlesRangeConditionOnAnIndexPartitionKeyIsRejected()
    {
        // The article's AnomalyScoreIndex query: anomalyScore is the index's HASH key and gets '>='. DynamoDB needs
        // equality on a partition key, which is why the anomaly index is sharded by anomalyShard instead.
        var query = new QueryRequest
        {
            TableName = dynamo.Options.LogTable,
            IndexName = StorageSchema.AnomalyIndex,
            KeyConditionExpression = "anomalyShard >= :min",
            ExpressionAttributeValues = new() { [":min"] = new AttributeValue { S = "0" } },
        };

        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => dynamo.Client.QueryAsync(query));
        Assert.Contains("key condition", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheSchemaDeclaresEveryKeyAttributeOnce()
    {
        var table = StorageSchema.LogTable(new StorageOptions());

        Assert.Equal(["logId", "timestamp", "timeShard", "anomalyShard", "anomalyScore"], table.KeyAttributes.Select(a => a.Name));
        Assert.Equal(5, table.ToCreateTableRequest().AttributeDefinitions.Count);
    }

    static string[] Keys(List<KeySchemaElement> keys) => keys.Select(k => $"{k.AttributeName}:{k.KeyType}").ToArray();
}
