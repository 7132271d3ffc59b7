using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class AttributionTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    private const int Dimensions = 3;
    private const string AttributesHeader = "X-Amzn-SageMaker-Custom-Attributes";

    [Fact]
    public async Task WithoutTheOptionTheAnswerIsSageMakersByteForByteAndTheScoresAreTheSameAsWithIt()
    {
        var client = factory.CreateClient();
        await TrainedModelAsync(client, "plain", shingleSize: 1);
        await TrainedModelAsync(client, "explained", shingleSize: 1);
        var records = Records.Json(Spiked(10), Dimensions);

        using var plain = await InvokeAsync(client, "plain", records, customAttributes: "trace=abc");
        using var explained = await InvokeAsync(client, "explained", records, customAttributes: "attribution=true");

        var explainedScores = (await ReadAttributedAsync(explained)).Select(record => record.Score).ToArray();
        var expected = new StringBuilder("{\"scores\":[");
        for (var i = 0; i < explainedScores.Length; i++)
        {
            expected.Append(i == 0 ? "" : ",").Append("{\"score\":").Append(JsonSerializer.Serialize(explainedScores[i])).Append('}');
        }

        Assert.Equal(expected.Append("]}").ToString(), await plain.Content.ReadAsStringAsync());
        Assert.False(plain.Headers.Contains(AttributesHeader));
        Assert.Equal("attribution=true", Assert.Single(explained.Headers.GetValues(AttributesHeader)));
    }

    [Fact]
    public async Task EachScoreComesSplitOverTheFeaturesAndTheUnusualFeatureGetsTheLargestShare()
    {
        var client = factory.CreateClient();
        await TrainedModelAsync(client, "split", shingleSize: 1);

        using var response = await InvokeAsync(client, "split", Records.Json(Spiked(5), Dimensions), customAttributes: "x=1; Attribution=TRUE");

        var records = await ReadAttributedAsync(response);
        Assert.Equal(5, records.Length);
        Assert.All(records, record =>
        {
            Assert.Equal(Dimensions, record.High.Length);
            Assert.Equal(Dimensions, record.Low.Length);
            Assert.Equal(record.Score, record.High.Sum() + record.Low.Sum(), 6);
        });
        var spike = records[^1];
        Assert.True(spike.High[2] > 0.8 * spike.Score, $"the spiked feature got {spike.High[2]:F3} of {spike.Score:F3}");
    }

    [Fact]
    public async Task AShingledModelAnswersOnePartPerFeatureAddingUpTheShinglesPositions()
    {
        var client = factory.CreateClient();
        await TrainedModelAsync(client, "shingled", shingleSize: 4);

        using var response = await InvokeAsync(client, "shingled", Records.Json(Spiked(6), Dimensions), customAttributes: "attribution=true");

        var records = await ReadAttributedAsync(response);
        Assert.All(records, record =>
        {
            Assert.Equal(Dimensions, record.High.Length);
            Assert.Equal(record.Score, record.High.Sum() + record.Low.Sum(), 6);
        });
        Assert.True(records[^1].High[2] > 0.5 * records[^1].Score, $"the spiked feature got {records[^1].High[2]:F3} of {records[^1].Score:F3}");
    }

    [Fact]
    public async Task JsonLinesAnswersCarryTheAttributionOnEachLine()
    {
        var client = factory.CreateClient();
        await TrainedModelAsync(client, "lines", shingleSize: 1);

        using var response = await InvokeAsync(client, "lines", Records.Json(Spiked(3), Dimensions), customAttributes: "attribution=true", accept: "application/jsonlines");

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line =>
        {
            var record = Parse(JsonDocument.Parse(line).RootElement);
            Assert.Equal(record.Score, record.High.Sum() + record.Low.Sum(), 6);
        });
    }

    private sealed record Attributed(double Score, double[] High, double[] Low);

    private static float[] Spiked(int count)
    {
        var values = Records.Normal(count, Dimensions, seed: 41);
        values[^1] = 40f;
        return values;
    }

    private static async Task TrainedModelAsync(HttpClient client, string name, int shingleSize)
    {
        using var created = await client.PutModelAsync(name, new { featureDim = Dimensions, shingleSize, trees = 30, sampleSize = 64, outputAfter = 16, seed = 7 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await client.ScoreJsonAsync(name, Records.Normal(300, Dimensions, seed: 40), Dimensions);
    }

    private static async Task<HttpResponseMessage> InvokeAsync(HttpClient client, string model, string body, string customAttributes, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/endpoints/{model}/invocations") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation(AttributesHeader, customAttributes);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await client.SendAsync(request).WaitAsync(HttpClientExtensions.DefaultTimeout);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<Attributed[]> ReadAttributedAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("scores").EnumerateArray().Select(Parse).ToArray();
    }

    private static Attributed Parse(JsonElement record)
    {
        var attribution = record.GetProperty("attribution");
        return new Attributed(
            record.GetProperty("score").GetDouble(),
            attribution.GetProperty("high").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            attribution.GetProperty("low").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }
}
