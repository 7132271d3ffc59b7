using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task WithoutConfiguredModelsTheArticlesEndpointIsServedWithRcfDefaults()
    {
        await using var app = new RcfEndpointFactory(new Dictionary<string, string?>(), withSmallModel: false);
        var client = app.CreateClient();

        var model = await client.GetModelAsync("rcf-anomaly-endpoint");
        using var container = await client.PostRecordsAsync("/invocations", "text/csv", "1,2,3,4,5,6");

        // AWS's streaming default time decay, 1/(10 · sample size).
        Assert.Equal(new ModelSettingsView(6, 1, 100, 256, 1.0 / 2560, null, null, "streaming"), model.Settings);
        Assert.Single(await container.ReadScoresAsync());
    }

    [Fact]
    public async Task AnInvalidConfiguredModelStopsTheStartNamingTheKey()
    {
        await using var app = new RcfEndpointFactory(new Dictionary<string, string?>
        {
            ["Pipeline:Rcf:Models:bad_name:FeatureDim"] = "3",
            ["Pipeline:Rcf:Models:no-trees:Trees"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Pipeline:Rcf:Models:bad_name", error.Message);
        Assert.Contains("Pipeline:Rcf:Models:no-trees: Trees must be at least 1", error.Message);
    }

    [Fact]
    public async Task TheVariantNameAndAccountAreConfigurable()
    {
        await using var app = new RcfEndpointFactory(new Dictionary<string, string?>
        {
            ["Pipeline:Rcf:VariantName"] = "Blue",
            ["Pipeline:Rcf:AccountId"] = "123456789012",
        });

        using var response = await app.CreateClient().InvokeAsync("missing", "text/csv", "1,2,3");

        Assert.Equal("Blue", Assert.Single(response.Headers.GetValues("x-Amzn-Invoked-Production-Variant")));
        Assert.Equal("Endpoint missing of account 123456789012 not found.", await response.ReadErrorMessageAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheInvocationAndAdminApis()
    {
        await using var app = new RcfEndpointFactory();

        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/endpoints/{endpointName}/invocations", out _));
        Assert.True(paths.TryGetProperty("/admin/models/{name}", out _));
    }
}
