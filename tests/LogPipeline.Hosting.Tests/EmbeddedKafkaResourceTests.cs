using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace LogPipeline.Hosting.Tests;

public class EmbeddedKafkaResourceTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void AddEmbeddedKafkaAddsAResourceWithAConnectionStringAHealthCheckAndBrokerCommands()
    {
        var builder = TestBuilders.Run();

        var kafka = builder.AddEmbeddedKafka("kafka").WithTopic("logs.raw", partitions: 8);

        Assert.Same(kafka.Resource, Assert.Single(builder.Resources.OfType<EmbeddedKafkaResource>()));
        Assert.True(kafka.Resource.IsEmbedded);
        Assert.Equal("{kafka.connectionString}", kafka.Resource.ConnectionStringExpression.ValueExpression);
        Assert.Equal(new EmbeddedKafkaTopic("logs.raw", 8), Assert.Single(kafka.Resource.Topics));
        Assert.Equal("kafka_check", Assert.Single(kafka.Resource.Annotations.OfType<HealthCheckAnnotation>()).Key);
        Assert.Equal(
            [EmbeddedKafkaBuilderExtensions.BrokerDownCommand, EmbeddedKafkaBuilderExtensions.BrokerUpCommand],
            kafka.Resource.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).Order());
    }

    [Fact]
    public async Task AConfiguredConnectionStringMeansAnExternalClusterWithoutBrokerCommands()
    {
        var builder = TestBuilders.Run("--ConnectionStrings:kafka=broker-1:9092,broker-2:9092");

        var kafka = builder.AddEmbeddedKafka("kafka").Resource;

        Assert.False(kafka.IsEmbedded);
        Assert.Equal("broker-1:9092,broker-2:9092", await kafka.ConnectionStringExpression.GetValueAsync(CancellationToken.None).AsTask().WaitAsync(Timeout));
        Assert.Empty(kafka.Annotations.OfType<ResourceCommandAnnotation>());
        Assert.Single(kafka.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public void PublishedTheConnectionStringIsAParameterTheDeployerSets()
    {
        using var output = new TemporaryDirectory();
        var builder = TestBuilders.Publish(output.Path);
        Assert.True(builder.ExecutionContext.IsPublishMode);

        var kafka = builder.AddEmbeddedKafka("kafka").Resource;

        var parameter = Assert.Single(builder.Resources.OfType<ParameterResource>());
        Assert.Equal("kafka-bootstrap-servers", parameter.Name);
        Assert.Same(parameter, kafka.PublishedBootstrapServers);
        Assert.False(kafka.IsEmbedded);
        Assert.Equal("{kafka-bootstrap-servers.value}", kafka.ConnectionStringExpression.ValueExpression);
    }

    [Fact]
    public async Task WithReferenceGivesAProjectTheBootstrapServersAsAConnectionString()
    {
        var builder = TestBuilders.Run("--ConnectionStrings:kafka=broker-1:9092");
        var kafka = builder.AddEmbeddedKafka("kafka");
        var worker = builder.AddExecutable("worker", "true", ".").WithReference(kafka);

        var environment = await ExecutionConfiguration.EnvironmentAsync(worker.Resource);

        Assert.Equal("broker-1:9092", environment["ConnectionStrings__kafka"]);
    }
}
