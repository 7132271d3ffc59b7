using System.Net;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class ConcurrencyTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    [Fact]
    public async Task ConcurrentInvocationsOfOneModelAreAllScoredAndLearnedOnce()
    {
        var client = factory.CreateClient();
        using var first = await client.PutModelAsync("shared-a", new { featureDim = 3, trees = 20, sampleSize = 32 });
        using var second = await client.PutModelAsync("shared-b", new { featureDim = 3, trees = 20, sampleSize = 32 });
        var body = Records.Csv(Records.Normal(50, 3, seed: 4), 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.InvokeAsync(i % 2 == 0 ? "shared-a" : "shared-b", "text/csv", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal(50, (await response.ReadScoresAsync()).Length);
            response.Dispose();
        }

        Assert.Equal(400, (await client.GetModelAsync("shared-a")).TotalUpdates);
        Assert.Equal(400, (await client.GetModelAsync("shared-b")).TotalUpdates);
    }
}
