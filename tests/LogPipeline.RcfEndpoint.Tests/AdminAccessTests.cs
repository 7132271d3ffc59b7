using System.Net;
using System.Text.Json;
using LogPipeline.RcfEndpoint.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.RcfEndpoint.Tests;

/// <summary>Who may use the admin API, the limits on what it creates, and the runtime paths it leaves alone.</summary>
public sealed class AdminAccessTests
{
    const string AdminKey = "admin-key-0123456789";
    static readonly object SmallForest = new { featureDim = 3, trees = 10, sampleSize = 16 };

    [Fact]
    public async Task WithAnAdminKeyConfiguredEveryAdminCallNeedsItAndTheRuntimePathsDoNot()
    {
        await using var factory = Endpoint(new() { ["Pipeline:Rcf:Admin:ApiKeys:0"] = AdminKey }, IPAddress.Loopback);
        using var anonymous = factory.CreateClient();
        using var wrongKey = factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", AdminKey[..^1]);
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);

        foreach (var client in new[] { anonymous, wrongKey })
        {
            await AssertProblemAsync(await client.GetAsync("/admin/models"), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await client.PutModelAsync("by-stranger", SmallForest), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await client.DeleteAsync($"/admin/models/{RcfEndpointFactory.SmallModel}"), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await client.PostAsync($"/admin/models/{RcfEndpointFactory.SmallModel}/reset", null), HttpStatusCode.Unauthorized);
        }

        using var created = await admin.PutModelAsync("by-admin", SmallForest);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertRuntimePathsAnswerAsync(anonymous);
    }

    [Fact]
    public async Task WithoutAKeyTheAdminApiRefusesEveryRemoteCallerButTheRuntimePathsDoNot()
    {
        await using var factory = Endpoint([], IPAddress.Parse("203.0.113.7"));
        using var remote = factory.CreateClient();

        await AssertProblemAsync(await remote.GetAsync("/admin/models"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await remote.PutModelAsync("from-afar", SmallForest), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await remote.DeleteAsync($"/admin/models/{RcfEndpointFactory.SmallModel}"), HttpStatusCode.Forbidden);
        remote.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        await AssertProblemAsync(await remote.GetAsync("/admin/models"), HttpStatusCode.Forbidden);
        await AssertRuntimePathsAnswerAsync(remote);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task WithoutAKeyTheAdminApiAnswersTheMachineItself(string address)
    {
        await using var factory = Endpoint([], IPAddress.Parse(address));
        using var local = factory.CreateClient();

        using var created = await local.PutModelAsync("from-here", SmallForest);
        using var listed = await local.GetAsync("/admin/models");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Theory]
    [InlineData("{\"featureDim\":3,\"trees\":501}", "Trees must be at most 500")]
    [InlineData("{\"featureDim\":3,\"sampleSize\":4096}", "SampleSize must be at most 2048")]
    [InlineData("{\"featureDim\":100,\"shingleSize\":3}", "FeatureDim × ShingleSize must be at most 256")]
    [InlineData("{\"featureDim\":257}", "FeatureDim × ShingleSize must be at most 256")]
    public async Task ModelsLargerThanTheLimitsAreRefusedWith400(string settings, string detail)
    {
        await using var factory = Endpoint([], IPAddress.Loopback);
        using var content = new StringContent(settings, System.Text.Encoding.UTF8, "application/json");

        using var response = await factory.CreateClient().PutAsync("/admin/models/too-large", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNumberOfModelsIsCappedButExistingModelsCanStillChange()
    {
        // The configured "small" model counts: one more may be created.
        await using var factory = Endpoint(new() { ["Pipeline:Rcf:Admin:MaxModels"] = "2", ["Pipeline:Rcf:Admin:MaxTrees"] = "20" }, IPAddress.Loopback);
        using var client = factory.CreateClient();

        using var second = await client.PutModelAsync("second", SmallForest);
        using var third = await client.PutModelAsync("third", SmallForest);
        using var changed = await client.PutModelAsync("second", new { featureDim = 3, trees = 20, sampleSize = 16 });
        using var tooManyTrees = await client.PutModelAsync("second", new { featureDim = 3, trees = 21, sampleSize = 16 });
        using var deleted = await client.DeleteAsync("/admin/models/second");
        using var thirdAgain = await client.PutModelAsync("third", SmallForest);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var problem = await AssertProblemAsync(third, HttpStatusCode.BadRequest);
        Assert.Contains("at most 2 models", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await AssertProblemAsync(tooManyTrees, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, thirdAgain.StatusCode);
    }

    [Fact]
    public void StartedWithoutUrlsTheEndpointListensOnLoopbackOnly()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });

        builder.UseSageMakerDefaultPort();

        var url = new Uri(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)!);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)), url.ToString());
        Assert.Equal(8080, url.Port);
    }

    static WebApplicationFactory<Program> Endpoint(Dictionary<string, string?> settings, IPAddress remote) =>
        new RcfEndpointFactory(settings).WithWebHostBuilder(web =>
            web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressStartupFilter(remote))));

    static async Task AssertRuntimePathsAnswerAsync(HttpClient client)
    {
        using var ping = await client.GetAsync("/ping").WaitAsync(HttpClientExtensions.DefaultTimeout);
        using var container = await client.PostRecordsAsync("/invocations", "text/csv", "1,2,3");
        using var named = await client.InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2,3");

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Single(await container.ReadScoresAsync());
        Assert.Single(await named.ReadScoresAsync());
    }

    static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}, expected {(int)status}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
