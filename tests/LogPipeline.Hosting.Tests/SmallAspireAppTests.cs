using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Hosting.Tests;

/// <summary>Our integrations inside a real Aspire app run by DCP (one app start for the class).</summary>
public sealed class SmallAspireAppTests(SmallAspireApp fixture) : IClassFixture<SmallAspireApp>
{
    static readonly TimeSpan Timeout = SmallAspireApp.Timeout;

    DistributedApplication App => fixture.App;

    [Fact]
    public async Task TheResourceListAnswersJsonWithBothResourcesHealthy()
    {
        using var http = new HttpClient { BaseAddress = await fixture.ResourceListAddressAsync(), Timeout = Timeout };

        var resources = await Eventually.HoldsAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync("/api/resources")).RootElement.GetProperty("resources").Clone(),
            list => list.EnumerateArray().Count(r => r.GetProperty("health").GetString() == "Healthy") >= 2,
            Timeout,
            "the resource list shows kafka and dynamodb healthy");

        var kafka = resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "kafka");
        var dynamodb = resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "dynamodb");
        Assert.Equal("Running", kafka.GetProperty("state").GetString());
        Assert.Equal(await App.GetConnectionStringAsync("kafka").AsTask().WaitAsync(Timeout), kafka.GetProperty("connectionString").GetString());
        Assert.Equal("Running", dynamodb.GetProperty("state").GetString());
        Assert.StartsWith("http://", dynamodb.GetProperty("endpoints").GetProperty("http").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientsReachTheEmbeddedKafkaThroughItsConnectionString()
    {
        var bootstrap = await App.GetConnectionStringAsync("kafka").AsTask().WaitAsync(Timeout);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();

        var delivered = await producer.ProduceAsync(SmallAspireApp.Topic, new Message<Null, string> { Value = "hello" }).WaitAsync(Timeout);

        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        Assert.Equal(2, Assert.Single(admin.GetMetadata(SmallAspireApp.Topic, Timeout).Topics).Partitions.Count);
    }

    [Fact]
    public async Task DynamoDBLocalSharesOneDatabaseWhateverTheCredentialsAndRegion()
    {
        var url = App.GetEndpoint("dynamodb", "http").ToString();
        using var writer = Client(url, "writerkey", "us-east-1");
        using var reader = Client(url, "anotherkey", "eu-west-1");
        var table = "shared-" + Guid.NewGuid().ToString("N")[..8];

        await writer.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        }).WaitAsync(Timeout);

        Assert.Contains(table, (await reader.ListTablesAsync(new ListTablesRequest()).WaitAsync(Timeout)).TableNames);
    }

    [Fact]
    public async Task TheBrokerDownCommandMakesKafkaUnhealthyAndBrokerUpHealthyAgain()
    {
        using var timeout = new CancellationTokenSource(Timeout);

        var down = await App.ResourceCommands.ExecuteCommandAsync("kafka", EmbeddedKafkaBuilderExtensions.BrokerDownCommand, timeout.Token);
        Assert.True(down.Success, down.Message);
        await App.ResourceNotifications.WaitForResourceAsync("kafka", e => e.Snapshot.HealthStatus == HealthStatus.Unhealthy, timeout.Token);

        var up = await App.ResourceCommands.ExecuteCommandAsync("kafka", EmbeddedKafkaBuilderExtensions.BrokerUpCommand, timeout.Token);
        Assert.True(up.Success, up.Message);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("kafka", timeout.Token);
    }

    // DynamoDB Local accepts any access key made of letters and digits.
    static AmazonDynamoDBClient Client(string url, string accessKey, string region) =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonDynamoDBConfig { ServiceURL = url, AuthenticationRegion = region });
}
