using System.Net;
using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class AdminApiTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    private static readonly object FourFeatures = new { featureDim = 4, trees = 20, sampleSize = 32, outputAfter = 8, seed = 5 };

    [Fact]
    public async Task PutCreatesAModelThatCanBeInvokedAndListed()
    {
        var client = factory.CreateClient();

        using var created = await client.PutModelAsync("created-model", FourFeatures);
        var scores = await client.ScoreJsonAsync("created-model", Records.Normal(10, 4, seed: 1), 4);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/admin/models/created-model", created.Headers.Location?.OriginalString);
        Assert.Equal(10, scores.Length);
        var model = await client.GetModelAsync("created-model");
        Assert.Equal(4, model.Settings.FeatureDim);
        Assert.Equal("streaming", model.Settings.Mode);
        Assert.Equal(10, model.TotalUpdates);
        Assert.Equal(1, model.Invocations);
        Assert.Null(model.LastSnapshotAt);
        var all = JsonSerializer.Deserialize<ModelView[]>(await client.GetStringAsync("/admin/models"), JsonSerializerOptions.Web)!;
        Assert.Contains(all, m => m.Name == "created-model");
        Assert.Contains(all, m => m.Name == RcfEndpointFactory.SmallModel);
    }

    [Fact]
    public async Task PuttingTheSameSettingsAgainKeepsWhatTheModelLearned()
    {
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("repeated-put", FourFeatures);
        await client.ScoreJsonAsync("repeated-put", Records.Normal(20, 4, seed: 1), 4);

        using var again = await client.PutModelAsync("repeated-put", FourFeatures);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(20, (await client.GetModelAsync("repeated-put")).TotalUpdates);
    }

    [Fact]
    public async Task AFrozenModelScoresWithoutLearning()
    {
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("frozen-later", FourFeatures);
        await client.ScoreJsonAsync("frozen-later", Records.Normal(40, 4, seed: 1), 4);

        using var frozen = await client.PutModelAsync("frozen-later", new { featureDim = 4, trees = 20, sampleSize = 32, outputAfter = 8, seed = 5, mode = "frozen" });
        var first = await client.ScoreJsonAsync("frozen-later", Records.Normal(5, 4, seed: 2), 4);
        var second = await client.ScoreJsonAsync("frozen-later", Records.Normal(5, 4, seed: 2), 4);

        var model = await client.GetModelAsync("frozen-later");
        Assert.Equal("frozen", model.Settings.Mode);
        Assert.Equal(40, model.TotalUpdates);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task NewForestSettingsStartANewForest()
    {
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("reshaped", FourFeatures);
        await client.ScoreJsonAsync("reshaped", Records.Normal(10, 4, seed: 1), 4);

        using var reshaped = await client.PutModelAsync("reshaped", new { featureDim = 2 });

        Assert.Equal(HttpStatusCode.OK, reshaped.StatusCode);
        var model = await client.GetModelAsync("reshaped");
        Assert.Equal(2, model.Settings.FeatureDim);
        Assert.Equal(100, model.Settings.Trees);
        Assert.Equal(0, model.TotalUpdates);
    }

    [Fact]
    public async Task ResetForgetsWhatTheModelLearned()
    {
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("to-reset", FourFeatures);
        await client.ScoreJsonAsync("to-reset", Records.Normal(30, 4, seed: 1), 4);

        using var reset = await client.PostAsync("/admin/models/to-reset/reset", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var model = await client.GetModelAsync("to-reset");
        Assert.Equal(0, model.TotalUpdates);
        Assert.False(model.OutputReady);
    }

    [Fact]
    public async Task DeleteRemovesTheModelFromTheAdminApiAndFromInvocations()
    {
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("to-delete", FourFeatures);

        using var deleted = await client.DeleteAsync("/admin/models/to-delete");
        using var deletedAgain = await client.DeleteAsync("/admin/models/to-delete");
        using var get = await client.GetAsync("/admin/models/to-delete");
        using var invoke = await client.InvokeAsync("to-delete", "text/csv", "1,2,3,4");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, invoke.StatusCode);
        Assert.Contains("Endpoint to-delete of account", await invoke.ReadErrorMessageAsync());
    }

    [Theory]
    [InlineData("bad_name", "{\"featureDim\":3}", "not a valid name")]
    [InlineData("-leading-hyphen", "{\"featureDim\":3}", "not a valid name")]
    [InlineData("zero-features", "{\"featureDim\":0}", "FeatureDim must be at least 1")]
    [InlineData("one-sample", "{\"sampleSize\":1}", "SampleSize must be at least 2")]
    [InlineData("negative-decay", "{\"timeDecay\":-1}", "TimeDecay")]
    [InlineData("unknown-mode", "{\"mode\":\"sometimes\"}", null)]
    public async Task InvalidNamesAndSettingsAreProblemDetailsWith400(string name, string settings, string? detail)
    {
        using var content = new StringContent(settings, System.Text.Encoding.UTF8, "application/json");

        using var response = await factory.CreateClient().PutAsync($"/admin/models/{name}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (detail is not null)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task AnUnknownModelIsProblemDetailsWith404()
    {
        using var response = await factory.CreateClient().PostAsync("/admin/models/nobody/reset", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
