using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace LogPipeline.SageMakerRuntime.Tests;

public sealed partial class SigningTests(FakeAwsEndpoint aws) : IClassFixture<FakeAwsEndpoint>
{
    private const string EndpointName = "rcf-anomaly-endpoint";

    [Fact]
    public async Task InvokeEndpointIsSignedWithSigV4ForSageMakerInTheConfiguredRegion()
    {
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        await host.Client().InvokeEndpointAsync(JsonRequest("""{"instances":[{"features":[1,2,3]}]}"""));

        var request = aws.LastRequest();
        Assert.Equal("/endpoints/rcf-anomaly-endpoint/invocations", request.Path);
        var authorization = AuthorizationPattern().Match(request.Header("Authorization") ?? "");
        Assert.True(authorization.Success, $"Unexpected Authorization header: {request.Header("Authorization")}");
        Assert.Equal(TestClients.AccessKey, authorization.Groups["key"].Value);
        Assert.Equal(TestClients.Region, authorization.Groups["region"].Value);
        Assert.Equal("sagemaker", authorization.Groups["service"].Value);

        var amzDate = request.Header("X-Amz-Date");
        Assert.NotNull(amzDate);
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(amzDate[..8], authorization.Groups["date"].Value);
        Assert.InRange(signedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(request.Body)), request.Header("x-amz-content-sha256"));

        var signedHeaders = authorization.Groups["headers"].Value.Split(';');
        Assert.Contains("host", signedHeaders);
        Assert.Contains("x-amz-date", signedHeaders);
        Assert.Contains("x-amz-content-sha256", signedHeaders);
        Assert.Contains("content-type", signedHeaders);
        Assert.Equal(signedHeaders.Order(StringComparer.Ordinal), signedHeaders);
    }

    [Fact]
    public async Task TheSignatureAndPayloadHashChangeWhenTheBodyChanges()
    {
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);
        var client = host.Client();

        await client.InvokeEndpointAsync(JsonRequest("""{"instances":[{"features":[1,2,3]}]}"""));
        var first = aws.LastRequest();
        await client.InvokeEndpointAsync(JsonRequest("""{"instances":[{"features":[1,2,4]}]}"""));
        var second = aws.LastRequest();

        Assert.NotEqual(SignatureOf(first), SignatureOf(second));
        Assert.NotEqual(first.Header("x-amz-content-sha256"), second.Header("x-amz-content-sha256"));
    }

    [Fact]
    public async Task TemporaryCredentialsSendAndSignTheirSessionToken()
    {
        using var host = TestClients.CreateHost(aws.BaseAddress, new SessionAWSCredentials(TestClients.AccessKey, "secret", "session-token-value"));

        await host.Client().InvokeEndpointAsync(JsonRequest("""{"instances":[{"features":[1]}]}"""));

        var request = aws.LastRequest();
        Assert.Equal("session-token-value", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", AuthorizationPattern().Match(request.Header("Authorization")!).Groups["headers"].Value.Split(';'));
    }

    [Fact]
    public async Task WithoutCredentialsALoopbackEndpointIsCalledUnsigned()
    {
        using var host = TestClients.CreateHost(aws.BaseAddress, new AnonymousAWSCredentials());

        await host.Client().InvokeEndpointAsync(JsonRequest("""{"instances":[{"features":[1]}]}"""));

        var request = aws.LastRequest();
        Assert.Null(request.Header("Authorization"));
        Assert.Null(request.Header("X-Amz-Date"));
    }

    [Fact]
    public async Task WithoutCredentialsARemoteEndpointIsNeverCalled()
    {
        using var host = TestClients.CreateHost(
            new Dictionary<string, string?> { [SageMakerRuntimeEndpoint.RegionKey] = TestClients.Region },
            new AnonymousAWSCredentials());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Client().InvokeEndpointAsync(JsonRequest("""{"instances":[{"features":[1]}]}""")));

        Assert.Contains("No AWS credentials", error.Message);
    }

    private static InvokeEndpointRequest JsonRequest(string json) => new()
    {
        EndpointName = EndpointName,
        Body = Encoding.UTF8.GetBytes(json),
        ContentType = "application/json",
        Accept = "application/json",
    };

    private static string SignatureOf(RecordedRequest request) =>
        AuthorizationPattern().Match(request.Header("Authorization")!).Groups["signature"].Value;

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
