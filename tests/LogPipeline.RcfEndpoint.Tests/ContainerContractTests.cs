using System.Net;
using System.Text.Json;
using LogPipeline.RcfEndpoint.Hosting;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class ContainerContractTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    [Fact]
    public async Task PingAnswers200OnceTheModelsAreLoaded()
    {
        using var response = await factory.CreateClient().GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task InvocationsScoreWithTheContainerModel()
    {
        var client = factory.CreateClient();
        var before = (await client.GetModelAsync(RcfEndpointFactory.SmallModel)).RecordsScored;

        using var response = await client.PostRecordsAsync("/invocations", "text/csv", "1,2,3\n2,3,4\n");

        Assert.Equal(2, (await response.ReadScoresAsync()).Length);
        Assert.Equal("AllTraffic", Assert.Single(response.Headers.GetValues("x-Amzn-Invoked-Production-Variant")));
        Assert.True((await client.GetModelAsync(RcfEndpointFactory.SmallModel)).RecordsScored >= before + 2);
    }

    [Fact]
    public async Task ExecutionParametersDescribeBatchTransformLimits()
    {
        using var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/execution-parameters"));

        Assert.Equal("MULTI_RECORD", json.RootElement.GetProperty("BatchStrategy").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("MaxPayloadInMB").GetInt32());
    }

    [Fact]
    public async Task HealthReportsTheLoadedModels()
    {
        using var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/health"));

        var models = json.RootElement.GetProperty("checks").GetProperty("models");
        Assert.Equal("Healthy", models.GetProperty("status").GetString());
        Assert.Contains(RcfEndpointFactory.SmallModel, models.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData(new[] { "serve" }, new string[0])]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:5000" }, new[] { "--urls", "http://127.0.0.1:5000" })]
    [InlineData(new[] { "--environment", "Production" }, new[] { "--environment", "Production" })]
    public void TheServeArgumentOfSageMakerIsDropped(string[] args, string[] expected)
    {
        Assert.Equal(expected, SageMakerContainer.WithoutServeArgument(args));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("urls", "http://127.0.0.1:5005", false)]
    [InlineData("http_ports", "8081", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:5006", false)]
    public void PortEightyEightyIsTheDefaultOnlyWhenNothingElseIsConfigured(string? key, string? value, bool expected)
    {
        var values = key is null ? [] : new Dictionary<string, string?> { [key] = value };

        Assert.Equal(expected, SageMakerContainer.NeedsDefaultUrl(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
    }
}
