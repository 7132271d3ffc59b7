namespace LogPipeline.RcfEndpoint.Tests;

public sealed class SnapshotTests : IDisposable
{
    private const int Dimensions = 3;
    private readonly TemporaryDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task ARestartRestoresWhatEveryModelLearned()
    {
        var probe = Records.Normal(4, Dimensions, seed: 7);
        probe[^1] = 25;
        double[] scoresBefore;
        long updatesBefore;
        await using (var first = App())
        {
            var client = first.CreateClient();
            await client.ScoreJsonAsync(RcfEndpointFactory.SmallModel, Records.Normal(150, Dimensions, seed: 1), Dimensions);
            using var created = await client.PutModelAsync("admin-made", new { featureDim = 3, trees = 20, sampleSize = 32, seed = 1 });
            await client.ScoreJsonAsync("admin-made", Records.Normal(60, Dimensions, seed: 2), Dimensions);
            using var frozen = await client.PutModelAsync("admin-made", new { featureDim = 3, trees = 20, sampleSize = 32, seed = 1, mode = "frozen" });
            scoresBefore = await client.ScoreJsonAsync("admin-made", probe, Dimensions);
            updatesBefore = (await client.GetModelAsync(RcfEndpointFactory.SmallModel)).TotalUpdates;
        }

        await using var second = App();
        var restarted = second.CreateClient();

        var small = await restarted.GetModelAsync(RcfEndpointFactory.SmallModel);
        Assert.Equal(updatesBefore, small.TotalUpdates);
        Assert.True(small.OutputReady);
        var adminMade = await restarted.GetModelAsync("admin-made");
        Assert.Equal("frozen", adminMade.Settings.Mode);
        Assert.Equal(60, adminMade.TotalUpdates);
        Assert.Equal(scoresBefore, await restarted.ScoreJsonAsync("admin-made", probe, Dimensions));
    }

    [Fact]
    public async Task ChangedModelsAreWrittenEverySnapshotIntervalAtomically()
    {
        ModelView model;
        await using (var app = App(("Pipeline:Rcf:SnapshotInterval", "00:00:00.100")))
        {
            var client = app.CreateClient();
            await client.ScoreJsonAsync(RcfEndpointFactory.SmallModel, Records.Normal(20, Dimensions, seed: 1), Dimensions);

            model = await Eventually.HoldsAsync(
                () => client.GetModelAsync(RcfEndpointFactory.SmallModel),
                m => m.LastSnapshotAt is not null,
                TimeSpan.FromSeconds(20),
                "the model has a snapshot");
            Assert.True(File.Exists(Path.Combine(_state.Path, "small.rcf")));
        }

        Assert.True(model.LastSnapshotAt >= model.CreatedAt);
        Assert.Equal(["small.rcf"], Directory.GetFiles(_state.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ADeletedModelStaysDeletedAfterARestart()
    {
        await using (var first = App())
        {
            var client = first.CreateClient();
            using var created = await client.PutModelAsync("short-lived", new { featureDim = 3, trees = 10, sampleSize = 16 });
            using var deleted = await client.DeleteAsync("/admin/models/short-lived");
        }

        await using var second = App();
        using var response = await second.CreateClient().GetAsync("/admin/models/short-lived");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_state.Path, "short-lived.rcf")));
    }

    [Fact]
    public async Task UnreadableSnapshotsAndLeftoverTemporaryFilesDoNotStopTheStart()
    {
        await using (var first = App())
        {
            await first.CreateClient().ScoreJsonAsync(RcfEndpointFactory.SmallModel, Records.Normal(30, Dimensions, seed: 1), Dimensions);
        }

        await File.WriteAllTextAsync(Path.Combine(_state.Path, "broken.rcf"), "{\"format\":\"logpipeline.rcf-model\"");
        await File.WriteAllTextAsync(Path.Combine(_state.Path, "small.rcf.0123abcd.tmp"), "half a snapshot");

        await using var second = App();
        var client = second.CreateClient();

        Assert.Equal(30, (await client.GetModelAsync(RcfEndpointFactory.SmallModel)).TotalUpdates);
        Assert.False(File.Exists(Path.Combine(_state.Path, "small.rcf.0123abcd.tmp")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/admin/models/broken")).StatusCode);
    }

    [Fact]
    public async Task ASnapshotOfAForestWithOtherSettingsThanConfiguredIsNotUsed()
    {
        await using (var first = App())
        {
            await first.CreateClient().ScoreJsonAsync(RcfEndpointFactory.SmallModel, Records.Normal(30, Dimensions, seed: 1), Dimensions);
        }

        await using var second = App(("Pipeline:Rcf:Models:small:Trees", "40"));

        var model = await second.CreateClient().GetModelAsync(RcfEndpointFactory.SmallModel);
        Assert.Equal(40, model.Settings.Trees);
        Assert.Equal(0, model.TotalUpdates);
    }

    private RcfEndpointFactory App(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Pipeline:Rcf:StateDirectory"] = _state.Path };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new RcfEndpointFactory(settings);
    }
}
