using Microsoft.Extensions.Configuration;

namespace LogPipeline.SageMakerRuntime.Tests;

public sealed class EndpointResolutionTests
{
    [Fact]
    public void TheEndpointUrlVariableIsUsedWhenSet()
    {
        var endpoint = Resolve(new()
        {
            ["AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"] = "http://127.0.0.1:5123",
            ["AWS_REGION"] = "eu-west-1",
        });

        Assert.Equal(new Uri("http://127.0.0.1:5123/"), endpoint.BaseAddress);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
        Assert.True(endpoint.IsLoopback);
    }

    [Fact]
    public void WithoutTheEndpointUrlTheRegionalSageMakerRuntimeIsUsed()
    {
        var endpoint = Resolve(new() { ["AWS_REGION"] = "eu-west-1" });

        Assert.Equal(new Uri("https://runtime.sagemaker.eu-west-1.amazonaws.com/"), endpoint.BaseAddress);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
        Assert.False(endpoint.IsLoopback);
    }

    [Fact]
    public void AwsDefaultRegionIsTheFallbackForTheRegion()
    {
        var endpoint = Resolve(new() { ["AWS_DEFAULT_REGION"] = "ap-southeast-2" });

        Assert.Equal("runtime.sagemaker.ap-southeast-2.amazonaws.com", endpoint.BaseAddress.Host);
    }

    [Fact]
    public void ChinaRegionsUseTheChinaDomain()
    {
        var endpoint = Resolve(new() { ["AWS_REGION"] = "cn-north-1" });

        Assert.Equal("runtime.sagemaker.cn-north-1.amazonaws.com.cn", endpoint.BaseAddress.Host);
    }

    [Fact]
    public void AnEndpointUrlWithoutARegionIsSignedForUsEast1()
    {
        var endpoint = Resolve(new() { ["AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"] = "http://localhost:8080" });

        Assert.Equal("us-east-1", endpoint.SigningRegion);
    }

    [Fact]
    public void NeitherRegionNorEndpointUrlIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new()));

        Assert.Contains("AWS_REGION", error.Message);
        Assert.Contains("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", error.Message);
    }

    [Fact]
    public void TheRegisteredClientUsesTheRegionalEndpointWhenNoEndpointUrlIsConfigured()
    {
        using var host = TestClients.CreateHost(new Dictionary<string, string?> { ["AWS_REGION"] = "us-west-2" }, TestClients.Credentials);

        Assert.Equal(new Uri("https://runtime.sagemaker.us-west-2.amazonaws.com/"), host.Client().Endpoint.BaseAddress);
    }

    private static SageMakerRuntimeEndpoint Resolve(Dictionary<string, string?> values) =>
        SageMakerRuntimeEndpoint.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
