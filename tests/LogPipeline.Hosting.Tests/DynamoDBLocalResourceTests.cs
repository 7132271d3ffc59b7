using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LogPipeline.Hosting.DynamoDBLocal;

namespace LogPipeline.Hosting.Tests;

public class DynamoDBLocalResourceTests
{
    const int Port = 18123;
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DynamoDBLocalRunsTheInstalledJarInMemoryWithOneSharedDatabase()
    {
        var dynamodb = LocalDynamoDB(TestBuilders.Run());

        var local = Assert.IsType<DynamoDBLocalResource>(dynamodb.Resource);
        Assert.Equal("java", local.Command);
        var args = await ExecutionConfiguration.ArgumentsAsync(local);

        Assert.StartsWith("-Djava.library.path=", args[0], StringComparison.Ordinal);
        Assert.Equal(["-jar", DynamoDBLocalInstaller.JarPath], args.SkipWhile(a => a != "-jar").Take(2));
        Assert.Contains("-sharedDb", args);
        Assert.Contains("-inMemory", args);
        Assert.DoesNotContain("-dbPath", args);
        Assert.Equal(["-port", $"{Port}"], args.SkipWhile(a => a != "-port").Take(2));
        Assert.Single(local.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task ANegativeNicenessStartsJavaThroughNice()
    {
        var dynamodb = LocalDynamoDB(TestBuilders.Run($"--{DynamoDBLocalBuilderExtensions.NicenessSetting}=-10"));

        var local = Assert.IsType<DynamoDBLocalResource>(dynamodb.Resource);
        Assert.Equal("nice", local.Command);
        var args = await ExecutionConfiguration.ArgumentsAsync(local);
        Assert.Equal(["-n", "-10", "java"], args.Take(3));
        Assert.Equal(["-jar", DynamoDBLocalInstaller.JarPath], args.SkipWhile(a => a != "-jar").Take(2));
    }

    [Fact]
    public async Task WithADataDirectoryTheDatabaseIsKeptThereInsteadOfInMemory()
    {
        using var data = new TemporaryDirectory();
        var directory = Path.Combine(data.Path, "dynamodb");
        var dynamodb = LocalDynamoDB(TestBuilders.Run()).WithDataDirectory(directory);

        var args = await ExecutionConfiguration.ArgumentsAsync(Assert.IsType<DynamoDBLocalResource>(dynamodb.Resource));

        Assert.Equal(["-dbPath", directory], args.SkipWhile(a => a != "-dbPath").Take(2));
        Assert.DoesNotContain("-inMemory", args);
        Assert.Contains("-sharedDb", args);
        Assert.True(Directory.Exists(directory));
    }

    [Fact]
    public async Task AConfiguredEndpointMeansAnExternalDynamoDBAndNoProcess()
    {
        var builder = TestBuilders.Run($"--{DynamoDBLocalBuilderExtensions.EndpointVariable}=http://ddb.example:8000");

        var dynamodb = builder.AddDynamoDBLocal("dynamodb").Resource;

        var external = Assert.IsType<ExternalDynamoDBResource>(dynamodb);
        Assert.False(external.IsLocal);
        Assert.Equal("http://ddb.example:8000", await external.ServiceUrl.GetValueAsync(CancellationToken.None).AsTask().WaitAsync(Timeout));
        Assert.Empty(builder.Resources.OfType<ExecutableResource>());
    }

    [Fact]
    public async Task WithReferencePointsTheAwsSdkAtDynamoDBLocalWithPlaceholderCredentials()
    {
        var builder = TestBuilders.Run();
        var dynamodb = LocalDynamoDB(builder);
        var api = builder.AddExecutable("api", "true", ".").WithReference(dynamodb);

        var environment = await ExecutionConfiguration.EnvironmentAsync(api.Resource);

        Assert.Equal($"http://localhost:{Port}", environment[DynamoDBLocalBuilderExtensions.EndpointVariable]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.Equal("local", environment["AWS_ACCESS_KEY_ID"]);
    }

    [Fact]
    public async Task WithReferenceToAnExternalEndpointPassesItsUrlAndNoCredentials()
    {
        var builder = TestBuilders.Run($"--{DynamoDBLocalBuilderExtensions.EndpointVariable}=http://ddb.example:8000");
        var dynamodb = builder.AddDynamoDBLocal("dynamodb");
        var api = builder.AddExecutable("api", "true", ".").WithReference(dynamodb);

        var environment = await ExecutionConfiguration.EnvironmentAsync(api.Resource);

        Assert.Equal("http://ddb.example:8000", environment[DynamoDBLocalBuilderExtensions.EndpointVariable]);
        Assert.False(environment.ContainsKey("AWS_ACCESS_KEY_ID"));
    }

    /// <summary>DynamoDB Local on <see cref="Port"/>, its endpoint allocated as DCP would when it starts.</summary>
    static IResourceBuilder<IDynamoDBResource> LocalDynamoDB(IDistributedApplicationBuilder builder)
    {
        var dynamodb = builder.AddDynamoDBLocal("dynamodb", port: Port);
        var endpoint = Assert.Single(dynamodb.Resource.Annotations.OfType<EndpointAnnotation>());
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", Port);
        return dynamodb;
    }
}
