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
        foreach (var wrong in new[] { "wrong-key", QueryApiApplication.ApiKey[..^1], QueryApiApplication.ApiKey + "0", QueryApiApplication.ApiKey.ToUpperInvariant() })
        {
            client.DefaultRequestHeaders.Remove("X-Api-Key");
            client.DefaultRequestHeaders.Add("X-Api-Key", wrong);
            await client.ProblemAsync(url, HttpStatusCode.Unauthorized);
        }
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

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task KeysAreRequiredInEveryEnvironmentButDevelopment(string environment)
    {
        await using var deployed = app.CreateFactory(requireApiKey: null, environment: environment);
        using var client = deployed.CreateClient();
        using var withKey = deployed.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-Api-Key", QueryApiApplication.ApiKey);

        await client.ProblemAsync("/api/logs/q-00001", HttpStatusCode.Unauthorized);
        await withKey.OkJsonAsync("/api/logs/q-00001");
    }

    [Fact]
    public async Task InDevelopmentAConfiguredKeyIsRequiredAndWithoutOneTheApiIsOpen()
    {
        await using var withLocalKey = app.CreateFactory(requireApiKey: null);
        await using var withoutKey = app.CreateFactory(requireApiKey: null, settings: new Dictionary<string, string?> { ["Pipeline:QueryApi:ApiKeys:0"] = "" });
        using var localKeyClient = withLocalKey.CreateClient();
        using var openClient = withoutKey.CreateClient();

        await localKeyClient.ProblemAsync("/api/logs/q-00001", HttpStatusCode.Unauthorized);
        await openClient.OkJsonAsync("/api/logs/q-00001");
    }

    [Theory]
    [InlineData("Production", null, "", "Pipeline__QueryApi__ApiKeys__0")]
    [InlineData("Staging", null, "", "Pipeline__QueryApi__ApiKeys__0")]
    [InlineData("Production", "false", QueryApiApplication.ApiKey, "RequireApiKey=false is allowed only in Development")]
    [InlineData("Development", null, "too-short", "at least 16 characters")]
    public async Task TheApiRefusesToStartWhenItWouldServeDataWithoutAKeyOutsideDevelopment(string environment, string? requireApiKey, string key, string message)
    {
        var settings = new Dictionary<string, string?> { ["Pipeline:QueryApi:ApiKeys:0"] = key };
        if (requireApiKey is not null)
        {
            settings["Pipeline:QueryApi:RequireApiKey"] = requireApiKey;
        }

        await using var factory = app.CreateFactory(requireApiKey: null, environment: environment, settings: settings);

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentAFailureIsAProblemWithoutExceptionDetails()
    {
        // Nothing listens on the discard port: every DynamoDB call fails inside the handler.
        var unreachable = new Uri("http://127.0.0.1:9");
        await using var production = app.CreateFactory(requireApiKey: null, environment: "Production", unreachableDynamoDb: unreachable);
        await using var development = app.CreateFactory(requireApiKey: false, unreachableDynamoDb: unreachable);
        using var productionClient = production.CreateClient();
        productionClient.DefaultRequestHeaders.Add("X-Api-Key", QueryApiApplication.ApiKey);
        using var developmentClient = development.CreateClient();

        var problem = await productionClient.ProblemAsync("/api/logs/q-00001", HttpStatusCode.InternalServerError).WaitAsync(TimeSpan.FromSeconds(60));
        using var developerPage = await developmentClient.GetAsync("/api/logs/q-00001").WaitAsync(TimeSpan.FromSeconds(60));
        var developerBody = await developerPage.Content.ReadAsStringAsync();

        var body = problem.GetRawText();
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LogPipeline.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        // The same failure in Development shows the developer exception page: the assertions above can tell them apart.
        Assert.Contains("Exception", developerBody, StringComparison.Ordinal);
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
        Assert.True(logs.GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task SwaggerUiIsServedInDevelopment()
    {
        using var client = app.Factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/openapi/v1.json")]
    public async Task NeitherSwaggerNorTheOpenApiDocumentIsServedInProduction(string url)
    {
        await using var production = app.CreateFactory(requireApiKey: null, environment: "Production");
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", QueryApiApplication.ApiKey);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
