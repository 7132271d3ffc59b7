using System.Net;
using LogPipeline.QueryApi.Tests.Infrastructure;

namespace LogPipeline.QueryApi.Tests;

public sealed class SecurityAndDocumentationTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    [Theory]
    [InlineData("/api/logs")]
    [InlineData("/api/logs/q-00001")]
    [InlineData("/api/anomalies")]
    [InlineData("/api/stats/series?series=total")]
    [InlineData("/api/stats/summary")]
    public async Task WhenKeysAreRequiredEveryEndpointAnswers401WithoutAValidKey(string url)
    {
        await using var secured = app.CreateFactory(requireApiKey: true);
        using var client = secured.CreateClient();

        await client.ProblemAsync(url, HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong-key");
        await client.ProblemAsync(url, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AValidKeyIsAcceptedAndHealthEndpointsStayOpen()
    {
        await using var secured = app.CreateFactory(requireApiKey: true);
        using var anonymous = secured.CreateClient();
        using var withKey = secured.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-Api-Key", QueryApiApplication.ApiKey);

        await withKey.OkJsonAsync("/api/logs/q-00001");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task KeysAreRequiredByDefaultInProductionAndNotInDevelopment()
    {
        await using var production = app.CreateFactory(requireApiKey: null, environment: "Production");
        using var productionClient = production.CreateClient();
        using var developmentClient = app.Factory.CreateClient();

        await productionClient.ProblemAsync("/api/logs/q-00001", HttpStatusCode.Unauthorized);
        await developmentClient.OkJsonAsync("/api/logs/q-00001");
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEndpointWithExamplesAndTheApiKeyScheme()
    {
        using var client = app.Factory.CreateClient();

        var document = await client.OkJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/logs/{logId}", "/api/logs", "/api/anomalies", "/api/stats/series", "/api/stats/summary" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        var logs = paths.GetProperty("/api/logs").GetProperty("get");
        Assert.Contains(logs.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "from" && p.TryGetProperty("example", out _));
        Assert.True(logs.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.True(logs.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        using var client = app.Factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
    }
}
