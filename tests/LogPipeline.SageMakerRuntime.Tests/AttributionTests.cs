using System.Text;

namespace LogPipeline.SageMakerRuntime.Tests;

public sealed class AttributionTests(FakeAwsEndpoint aws) : IClassFixture<FakeAwsEndpoint>
{
    [Fact]
    public async Task AskingForAttributionSendsTheCustomAttributeAndReadsEachRecordsParts()
    {
        aws.AnswerWith(200, """{"scores":[{"score":3,"attribution":{"high":[1,0.5],"low":[0,1.5]}},{"attribution":{"low":[0.25,0],"high":[0.5,0.25]},"score":1}]}""");
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);
        var (scores, high, low) = (new double[2], new double[4], new double[4]);

        var attributed = await host.Client().ScoreAsync("rcf", new float[] { 1, 2, 3, 4 }, 2, scores, high, low).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(attributed);
        Assert.Equal([3, 1], scores);
        Assert.Equal([1, 0.5, 0.5, 0.25], high);
        Assert.Equal([0, 1.5, 0.25, 0], low);
        Assert.Equal("attribution=true", aws.LastRequest().Header("X-Amzn-SageMaker-Custom-Attributes"));
    }

    [Fact]
    public async Task AnEndpointWithoutTheExtensionAnswersScoresOnly()
    {
        aws.AnswerWith(200, """{"scores":[{"score":0.7},{"score":0.8}]}""");
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);
        var (scores, high, low) = (new double[2], new double[2], new double[2]);

        var attributed = await host.Client().ScoreAsync("rcf", new float[] { 1, 2 }, 1, scores, high, low).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(attributed);
        Assert.Equal([0.7, 0.8], scores);
    }

    [Theory]
    [InlineData("""{"scores":[{"score":1,"attribution":{"high":[1],"low":[0]}},{"score":2}]}""", "attributed 1 of 2")]
    [InlineData("""{"scores":[{"score":1,"attribution":{"high":[1,2],"low":[0]}},{"score":2,"attribution":{"high":[1],"low":[0]}}]}""", "2 values for 1 features")]
    [InlineData("""{"scores":[{"score":1,"attribution":{"high":[1]}},{"score":2,"attribution":{"high":[1],"low":[0]}}]}""", "lacks")]
    public async Task AnIncompleteAttributionIsInvalidData(string answer, string expected)
    {
        aws.AnswerWith(200, answer);
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => host.Client().ScoreAsync("rcf", new float[] { 1, 2 }, 1, new double[2], new double[2], new double[2]).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task ScoresAloneAreAskedForWithoutTheCustomAttribute()
    {
        aws.AnswerWith(200, """{"scores":[{"score":0.7}]}""");
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        await host.Client().ScoreAsync("rcf", new float[] { 1 }, 1, new double[1]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(aws.LastRequest().Header("X-Amzn-SageMaker-Custom-Attributes"));
        Assert.Equal("""{"instances":[{"features":[1]}]}""", Encoding.UTF8.GetString(aws.LastRequest().Body));
    }
}
