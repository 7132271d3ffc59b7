using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Deploy.Tests.Infrastructure;
using LogPipeline.SageMakerRuntime;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.Deploy.Tests;

/// <summary>
/// The published configuration is the services' only input in AWS: it must carry no emulator endpoint, so that the
/// services' own configuration readers (the same code as locally) resolve the regional AWS endpoints.
/// </summary>
[Collection(CdkCollection.Name)]
public class PublishedConfigurationTests(DefaultDeployment deployment)
{
    const string Region = "eu-west-1";
    static readonly string[] Services = ["scorer", "writer", "queryapi"];

    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void NoContainerIsGivenAnEmulatorEndpointOrLocalCredentials()
    {
        var environments = _stack.OfType("AWS::ECS::TaskDefinition")
            .SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray())
            .Select(c => SynthesizedStack.Environment(c!.AsObject()))
            .Append(_stack.OfType("AWS::SageMaker::Model").Single().Properties["PrimaryContainer"]!["Environment"]!.AsObject()
                .ToDictionary(e => e.Key, e => Cfn.Render(e.Value)))
            .ToList();

        // scorer, writer, queryapi and archiver with their topic initializers, and the SageMaker model.
        Assert.Equal(9, environments.Count);
        Assert.All(environments, environment =>
        {
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal));
            Assert.DoesNotContain(environment.Keys, k => k is "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" or "AWS_SESSION_TOKEN");
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("services__", StringComparison.Ordinal) || k == "OTEL_EXPORTER_OTLP_ENDPOINT");
            Assert.DoesNotContain(environment.Values, v => v.Contains("localhost", StringComparison.OrdinalIgnoreCase) || v.Contains("127.0.0.1", StringComparison.Ordinal) || v.StartsWith("http://", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void TheScorerCallsTheRegionalSageMakerRuntimeWithItsPublishedConfiguration()
    {
        var published = PublishedConfiguration("scorer");

        var endpoint = SageMakerRuntimeEndpoint.FromConfiguration(published);

        Assert.Equal(new Uri("https://runtime.sagemaker.eu-west-1.amazonaws.com/"), endpoint.BaseAddress);
        Assert.Equal(Region, endpoint.SigningRegion);
        Assert.False(endpoint.IsLoopback);

        // The same reader with the AppHost's local variable picks the emulator: the published file is what differs.
        var local = new ConfigurationBuilder().AddConfiguration(published)
            .AddInMemoryCollection([new(SageMakerRuntimeEndpoint.EndpointUrlKey, "http://127.0.0.1:5281")]).Build();
        Assert.True(SageMakerRuntimeEndpoint.FromConfiguration(local).IsLoopback);
    }

    [Theory]
    [InlineData("writer")]
    [InlineData("queryapi")]
    public void TheDynamoDbClientOfTheWriterAndQueryApiUsesTheRegionalEndpoint(string service)
    {
        var published = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/" + service), "app"));

        using (new ProcessEnvironment(Resolved(published)))
        {
            // As StorageHostingExtensions builds it: the SDK's defaults, from the environment.
            using var client = new AmazonDynamoDBClient();
            Assert.Equal("https://dynamodb.eu-west-1.amazonaws.com/", client.DetermineServiceOperationEndpoint(new GetItemRequest { TableName = "KafkaLogData" }).URL.TrimEnd('/') + "/");
        }

        var local = new Dictionary<string, string>(Resolved(published)) { ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000" };
        using (new ProcessEnvironment(local))
        {
            using var client = new AmazonDynamoDBClient();
            Assert.StartsWith("http://127.0.0.1:8000", client.DetermineServiceOperationEndpoint(new GetItemRequest { TableName = "KafkaLogData" }).URL, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryServiceIsToldItsRegion()
    {
        Assert.All(Services, s => Assert.Equal(Region, PublishedConfiguration(s)["AWS_REGION"]));
    }

    IConfiguration PublishedConfiguration(string service) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Resolved(SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/" + service), "app")))
                .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();

    /// <summary>The environment as ECS gives it in <see cref="Region"/>: CloudFormation's pseudo parameters resolved.</summary>
    static Dictionary<string, string> Resolved(Dictionary<string, string> environment) =>
        environment.ToDictionary(e => e.Key, e => Cfn.Resolve(e.Value, Region));
}

/// <summary>
/// Replaces the AWS variables of this process with <paramref name="environment"/>'s for a scope (the AWS SDK reads
/// them from the process), static credentials included so the SDK never reaches for instance metadata.
/// </summary>
sealed class ProcessEnvironment : IDisposable
{
    static readonly string[] Names =
    [
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_EC2_METADATA_DISABLED",
    ];

    readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public ProcessEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var name in Names)
        {
            Environment.SetEnvironmentVariable(name, environment.GetValueOrDefault(name));
        }

        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
