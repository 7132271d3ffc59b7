using Amazon.Runtime;
using LogPipeline.SageMakerRuntime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace LogPipeline.RcfEndpoint.Tests;

/// <summary>The scorer's real client against the real endpoint app on Kestrel, over loopback HTTP.</summary>
public sealed class EndToEndTests(RcfEndpointProcess endpoint, ITestOutputHelper output) : IClassFixture<RcfEndpointProcess>, IDisposable
{
    private const string Endpoint = RcfEndpointProcess.Endpoint;
    private const int Dimensions = 5;

    private IHost? _clientHost;

    public void Dispose() => _clientHost?.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AClearOutlierScoresSeveralTimesTheNormalRecords(bool signed)
    {
        var client = Client(signed ? new BasicAWSCredentials("local", "local") : new AnonymousAWSCredentials());
        var warmUp = Records.Normal(600, Dimensions, seed: 11);
        await client.ScoreAsync(Endpoint, warmUp, Dimensions, new double[600]);

        var batch = Records.Normal(21, Dimensions, seed: 12);
        float[] outlier = [9, -6, 12, -3, 15];
        outlier.CopyTo(batch.AsSpan(10 * Dimensions));
        var scores = new double[21];
        await client.ScoreAsync(Endpoint, batch, Dimensions, scores);

        var normal = scores.Where((_, i) => i != 10).ToArray();
        output.WriteLine($"outlier {scores[10]:F3}; normal mean {normal.Average():F3}, max {normal.Max():F3}");
        Assert.All(normal, s => Assert.InRange(s, 0.01, 2.0));
        Assert.True(scores[10] > 3 * normal.Average(), $"outlier {scores[10]:F3} vs normal mean {normal.Average():F3}");
        Assert.True(scores[10] > 2 * normal.Max(), $"outlier {scores[10]:F3} vs normal max {normal.Max():F3}");
    }

    [Fact]
    public async Task TheClientGetsTheEndpointsValidationErrorsAsTypedExceptions()
    {
        var client = Client(new BasicAWSCredentials("local", "local"));

        var wrongCount = await Assert.ThrowsAsync<SageMakerRuntimeException>(() => client.ScoreAsync(Endpoint, new float[4], 4, new double[1]));
        var unknown = await Assert.ThrowsAsync<SageMakerRuntimeException>(() => client.ScoreAsync("not-deployed", new float[5], 5, new double[1]));

        Assert.Equal("ValidationError", wrongCount.ErrorType);
        Assert.Contains("has 4 features but the model expects 5", wrongCount.Message);
        Assert.False(wrongCount.IsRetryable);
        Assert.Equal("ValidationError", unknown.ErrorType);
        Assert.Equal("Endpoint not-deployed of account 000000000000 not found.", unknown.Message);
    }

    private SageMakerRuntimeClient Client(AWSCredentials credentials)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"] = endpoint.BaseAddress.ToString(),
        });
        builder.Services.AddSingleton(credentials);
        builder.AddSageMakerRuntimeClient();
        _clientHost?.Dispose();
        _clientHost = builder.Build();
        return _clientHost.Services.GetRequiredService<SageMakerRuntimeClient>();
    }
}
