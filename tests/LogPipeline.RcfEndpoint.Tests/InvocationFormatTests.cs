using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class InvocationFormatTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    private const int Dimensions = 3;

    [Fact]
    public async Task JsonInstancesGetOneScorePerRecordAndTheProductionVariantHeader()
    {
        var client = factory.CreateClient();

        using var response = await client.InvokeAsync(RcfEndpointFactory.SmallModel, "application/json", Records.Json(Records.Normal(4, Dimensions, seed: 1), Dimensions));

        Assert.Equal(4, (await response.ReadScoresAsync()).Length);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("AllTraffic", Assert.Single(response.Headers.GetValues("x-Amzn-Invoked-Production-Variant")));
    }

    [Theory]
    [InlineData("""{"data":{"features":{"values":[1,2,3]}}}""", 1)]
    [InlineData("""{"features":[1,2,3]}""", 1)]
    [InlineData("""{"instances":[{"data":{"features":{"values":[1,2,3]}}},{"features":[1,2,3]},[1,2,3]]}""", 3)]
    [InlineData("""{"instances":[{"features":{"values":[1,2,3]},"id":"x"}],"configuration":{"k":1}}""", 1)]
    public async Task EveryDenseJsonShapeOfSageMakerIsRead(string body, int records)
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "application/json; charset=utf-8", body);

        Assert.Equal(records, (await response.ReadScoresAsync()).Length);
    }

    [Fact]
    public async Task CsvLinesAreRecordsAndBlankLinesAndCarriageReturnsAreIgnored()
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2,3\r\n 1.5 , 2.5 ,3.5\r\n\r\n-1e-3,2,3\n\n");

        Assert.Equal(3, (await response.ReadScoresAsync()).Length);
    }

    [Fact]
    public async Task JsonLinesAreRecords()
    {
        using var response = await factory.CreateClient().InvokeAsync(
            RcfEndpointFactory.SmallModel, "application/jsonlines", "{\"features\":[1,2,3]}\n{\"data\":{\"features\":{\"values\":[1,2,3]}}}\n\n{\"features\":[3,2,1]}");

        Assert.Equal(3, (await response.ReadScoresAsync()).Length);
    }

    [Fact]
    public async Task AcceptingJsonLinesAnswersOneScoreObjectPerLine()
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2,3\n4,5,6\n", accept: "application/jsonlines");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("application/jsonlines", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(line).RootElement.GetProperty("score").ValueKind));
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("text/html;q=0.9, application/json;q=0.8")]
    [InlineData("application/jsonlines;q=0.1, application/*")]
    public async Task JsonIsAnsweredWhenTheClientAcceptsIt(string accept)
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2,3", accept);

        Assert.Single(await response.ReadScoresAsync());
    }

    [Fact]
    public async Task EveryInputFormatScoresTheSameRecordsTheSame()
    {
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("formats", new { featureDim = Dimensions, trees = 30, sampleSize = 64, outputAfter = 16, seed = 3 });
        await client.ScoreJsonAsync("formats", Records.Normal(200, Dimensions, seed: 2), Dimensions);
        using var frozen = await client.PutModelAsync("formats", new { featureDim = Dimensions, trees = 30, sampleSize = 64, outputAfter = 16, seed = 3, mode = "frozen" });
        var probe = Records.Normal(5, Dimensions, seed: 9);
        probe[^1] = 40;

        using var json = await client.InvokeAsync("formats", "application/json", Records.Json(probe, Dimensions));
        using var csv = await client.InvokeAsync("formats", "text/csv", Records.Csv(probe, Dimensions));
        using var jsonLines = await client.InvokeAsync("formats", "application/jsonlines", Records.JsonLines(probe, Dimensions));

        var expected = await json.ReadScoresAsync();
        Assert.Equal(expected, await csv.ReadScoresAsync());
        Assert.Equal(expected, await jsonLines.ReadScoresAsync());
        Assert.True(expected[^1] > expected[0], "the changed record should stand out");
    }
}
