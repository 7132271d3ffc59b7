using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LogPipeline.SageMakerRuntime.Tests;

public sealed class InvokeTests(FakeAwsEndpoint aws) : IClassFixture<FakeAwsEndpoint>
{
    [Fact]
    public async Task ScoreAsyncSendsDenseJsonAndReadsOneScorePerRecordInOrder()
    {
        // The fake scores each record with the sum of its features, so order and grouping are checked.
        aws.Respond = static async (request, context) =>
        {
            using var json = JsonDocument.Parse(request.Body);
            var scores = json.RootElement.GetProperty("instances").EnumerateArray()
                .Select(i => new { score = i.GetProperty("features").EnumerateArray().Sum(f => f.GetDouble()) });
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { scores }));
        };
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);
        float[] features = [1, 2, 3, 10, 20, 30, 0.5f, 0.25f, 0.125f];
        var scores = new double[3];

        await host.Client().ScoreAsync("rcf-anomaly-endpoint", features, 3, scores);

        Assert.Equal([6, 60, 0.875], scores);
        var request = aws.LastRequest();
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("""{"instances":[{"features":[1,2,3]},{"features":[10,20,30]},{"features":[0.5,0.25,0.125]}]}""", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task ScoreAsyncRefusesAnAnswerWithTheWrongNumberOfScores()
    {
        aws.AnswerWith(200, """{"scores":[{"score":1.0}]}""");
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => host.Client().ScoreAsync("rcf", new float[] { 1, 2 }, 1, new double[2]));

        Assert.Contains("1 scores for 2 records", error.Message);
    }

    [Fact]
    public async Task ScoreAsyncChecksThatTheFeaturesMakeWholeRecords()
    {
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client().ScoreAsync("rcf", new float[] { 1, 2, 3 }, 2, new double[2]));
    }

    [Fact]
    public async Task InvokeEndpointSendsTheSageMakerHeadersAndReturnsBodyTypeAndVariant()
    {
        aws.Respond = static (_, context) =>
        {
            context.Response.ContentType = "application/jsonlines";
            context.Response.Headers["x-Amzn-Invoked-Production-Variant"] = "AllTraffic";
            context.Response.Headers["X-Amzn-SageMaker-Custom-Attributes"] = "echo";
            return context.Response.WriteAsync("{\"score\":0.9}\n");
        };
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        var response = await host.Client().InvokeEndpointAsync(new InvokeEndpointRequest
        {
            EndpointName = "rcf-anomaly-endpoint",
            Body = Encoding.UTF8.GetBytes("1,2,3\n"),
            ContentType = "text/csv",
            Accept = "application/jsonlines",
            CustomAttributes = "trace=1",
            TargetVariant = "AllTraffic",
        });

        Assert.Equal("{\"score\":0.9}\n", Encoding.UTF8.GetString(response.Body));
        Assert.Equal("application/jsonlines", response.ContentType);
        Assert.Equal("AllTraffic", response.InvokedProductionVariant);
        Assert.Equal("echo", response.CustomAttributes);
        var request = aws.LastRequest();
        Assert.Equal("text/csv", request.Header("Content-Type"));
        Assert.Equal("application/jsonlines", request.Header("Accept"));
        Assert.Equal("trace=1", request.Header("X-Amzn-SageMaker-Custom-Attributes"));
        Assert.Equal("AllTraffic", request.Header("X-Amzn-SageMaker-Target-Variant"));
        Assert.Equal("1,2,3\n", Encoding.UTF8.GetString(request.Body));
    }
}
