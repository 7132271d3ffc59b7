using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LogPipeline.Hosting.Orchestration;

namespace LogPipeline.Hosting.Tests;

public class DynamoDbLocalTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task WithADataDirectoryTablesAndItemsSurviveARestart()
    {
        var directory = Directory.CreateTempSubdirectory("dynamodb-data-").FullName;
        try
        {
            await RunAsync(directory, async client =>
            {
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = "Kept",
                    KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                    AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                });
                await client.PutItemAsync("Kept", new Dictionary<string, AttributeValue> { ["id"] = new() { S = "first-run" } });
            });
            Assert.NotEmpty(Directory.GetFiles(directory, "*.db"));

            await RunAsync(directory, async client =>
            {
                var item = await client.GetItemAsync("Kept", new Dictionary<string, AttributeValue> { ["id"] = new() { S = "first-run" } });
                Assert.True(item.IsItemSet, "the item written before the restart is gone");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AFrozenDynamoDbIsReportedUnhealthyUntilItAnswersAgain()
    {
        var builder = DistributedApplication.CreateBuilder(["--AppHost:EchoConsole=false", "--Dashboard:Url=http://127.0.0.1:0"]);
        builder.AddDynamoDbLocal("dynamodb");
        await using var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);

        // A frozen process still accepts TCP connections (the kernel completes the handshake); only an HTTP answer tells.
        await app.Orchestrator.PauseResourceAsync("dynamodb");
        await app.ResourceNotifications.WaitForAsync("dynamodb", s => s.Health == HealthStatus.Unhealthy, timeout.Token);
        await app.Orchestrator.ResumeResourceAsync("dynamodb");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);
        await app.StopAsync();
    }

    static async Task RunAsync(string dataDirectory, Func<IAmazonDynamoDB, Task> use)
    {
        var builder = DistributedApplication.CreateBuilder(["--AppHost:EchoConsole=false", "--Dashboard:Url=http://127.0.0.1:0"]);
        builder.AddDynamoDbLocal("dynamodb").WithDataDirectory(dataDirectory);
        await using var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", timeout.Token);
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = app.GetEndpoint("dynamodb").ToString(),
            AuthenticationRegion = "us-east-1",
        });
        await use(client);
        await app.StopAsync();
    }
}
