using Amazon.CDK.Assertions;
using LogPipeline.Deploy.Tests.Infrastructure;
using LogPipeline.Storage;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class TableTests(DefaultDeployment deployment)
{
    readonly SynthesizedStack _stack = deployment.Pipeline;

    public static TheoryData<string> Tables() => new(StorageSchema.All(new StorageOptions()).Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Tables))]
    public void EachTableHasTheKeysOfTheOneStorageSchema(string name)
    {
        var schema = StorageSchema.All(new StorageOptions()).Single(t => t.Name == name);

        _stack.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = schema.Name,
            ["KeySchema"] = Match.ArrayEquals(KeySchema(schema.PartitionKey, schema.SortKey)),
            ["AttributeDefinitions"] = Match.ArrayEquals(schema.KeyAttributes.Select(a => (object)new Dictionary<string, object>
            {
                ["AttributeName"] = a.Name,
                ["AttributeType"] = Type(a.Kind),
            }).ToArray()),
        });
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EachTableIsOnDemandWithTtlPointInTimeRecoveryAndACustomerManagedKey(string name)
    {
        var schema = StorageSchema.All(new StorageOptions()).Single(t => t.Name == name);
        var key = _stack.OfType("AWS::KMS::Key").Single();

        _stack.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = schema.Name,
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = schema.TimeToLiveAttribute!, ["Enabled"] = true },
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
            ["SSESpecification"] = new Dictionary<string, object>
            {
                ["SSEEnabled"] = true,
                ["SSEType"] = "KMS",
                ["KMSMasterKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { key.Id, "Arn" } },
            },
            ["DeletionProtectionEnabled"] = true,
        });
        Assert.Equal(true, (bool?)key.Properties["EnableKeyRotation"]);
    }

    [Fact]
    public void TheLogTableHasTheTimeAndAnomalyIndexesOfTheSchema()
    {
        var schema = StorageSchema.LogTable(new StorageOptions());
        Assert.Equal([StorageSchema.TimeIndex, StorageSchema.AnomalyIndex], schema.GlobalSecondaryIndexes.Select(i => i.Name));

        _stack.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = schema.Name,
            ["GlobalSecondaryIndexes"] = Match.ArrayEquals(schema.GlobalSecondaryIndexes.Select(i => (object)new Dictionary<string, object>
            {
                ["IndexName"] = i.Name,
                ["KeySchema"] = KeySchema(i.PartitionKey, i.SortKey),
                ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = i.Projection == IndexProjection.All ? "ALL" : "KEYS_ONLY" },
            }).ToArray()),
        });
    }

    [Fact]
    public void TheCounterTableHasNoIndexes()
    {
        _stack.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = new StorageOptions().CounterTable,
            ["GlobalSecondaryIndexes"] = Match.Absent(),
        });
    }

    [Fact]
    public void ExactlyTheTwoTablesAreDeclaredAndKeptWhenTheStackIsDeleted()
    {
        _stack.Template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        Assert.All(_stack.OfType("AWS::DynamoDB::Table"), t => Assert.Equal("Retain", (string?)t.Resource["DeletionPolicy"]));
    }

    static object[] KeySchema(KeyAttribute partitionKey, KeyAttribute? sortKey) => sortKey is null
        ? [new Dictionary<string, object> { ["AttributeName"] = partitionKey.Name, ["KeyType"] = "HASH" }]
        :
        [
            new Dictionary<string, object> { ["AttributeName"] = partitionKey.Name, ["KeyType"] = "HASH" },
            new Dictionary<string, object> { ["AttributeName"] = sortKey.Name, ["KeyType"] = "RANGE" },
        ];

    static string Type(AttributeKind kind) => kind switch
    {
        AttributeKind.String => "S",
        AttributeKind.Number => "N",
        _ => "B",
    };
}
