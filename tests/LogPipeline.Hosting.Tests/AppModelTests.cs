using LogPipeline.Hosting;
using LogPipeline.Hosting.ApplicationModel;

namespace LogPipeline.Hosting.Tests;

public class AppModelTests
{
    static IDistributedApplicationBuilder Builder(params string[] args) => DistributedApplication.CreateBuilder(args);

    [Fact]
    public void AddKafkaEmbedsABrokerUnlessAConnectionStringIsConfigured()
    {
        Assert.True(Builder().AddKafka("kafka").Resource.IsEmbedded);
        var external = Builder("--ConnectionStrings:kafka=broker-1:9092").AddKafka("kafka").Resource;
        Assert.False(external.IsEmbedded);
        Assert.Equal("broker-1:9092", external.ConnectionString);
    }

    [Fact]
    public void AddDynamoDbLocalUsesAConfiguredEndpointInsteadOfStartingOne()
    {
        var local = Builder().AddDynamoDbLocal("dynamodb").Resource;
        Assert.True(local.IsLocal);
        Assert.Single(local.Annotations.OfType<EndpointAnnotation>());
        var external = Builder("--AWS_ENDPOINT_URL_DYNAMODB=http://ddb.example:8000").AddDynamoDbLocal("dynamodb").Resource;
        Assert.False(external.IsLocal);
        Assert.Equal("http://ddb.example:8000", external.EndpointUrl);
    }

    [Fact]
    public void ResourceNamesMustBeLowercaseIdentifiers()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().AddKafka("Kafka Cluster"));
        Assert.Contains("lowercase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateResourceNamesAreRejected()
    {
        var builder = Builder();
        builder.AddKafka("kafka");
        Assert.Throws<InvalidOperationException>(() => builder.AddKafka("kafka"));
    }

    [Fact]
    public void WithReferenceInjectsAspiresVariableNames()
    {
        var builder = Builder("--ConnectionStrings:kafka=k:9092");
        var kafka = builder.AddKafka("kafka");
        var api = builder.AddExecutable("api", "true", ".").WithHttpEndpoint(port: 5005);
        var worker = builder.AddExecutable("worker", "true", ".").WithReference(kafka).WithReference(api).WaitFor(kafka);

        var env = new Dictionary<string, string>();
        foreach (var callback in worker.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(new EnvironmentCallbackContext(env, isPublishing: false));
        }

        Assert.Equal("k:9092", env["ConnectionStrings__kafka"]);
        Assert.Equal("http://127.0.0.1:5005", env["services__api__http__0"]);
        Assert.Same(kafka.Resource, Assert.Single(worker.Resource.Annotations.OfType<WaitAnnotation>()).Resource);

        var published = new Dictionary<string, string>();
        foreach (var callback in worker.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(new EnvironmentCallbackContext(published, isPublishing: true));
        }

        Assert.Equal("{kafka.connectionString}", published["ConnectionStrings__kafka"]);
        Assert.Equal("{api.bindings.http.url}", published["services__api__http__0"]);
    }
}
