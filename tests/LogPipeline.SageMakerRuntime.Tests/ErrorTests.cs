using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Microsoft.AspNetCore.Http;

namespace LogPipeline.SageMakerRuntime.Tests;

public sealed class ErrorTests(FakeAwsEndpoint aws) : IClassFixture<FakeAwsEndpoint>
{
    [Fact]
    public async Task AValidationErrorBecomesATypedExceptionThatIsNotRetried()
    {
        aws.AnswerWith(
            400,
            """{"message":"Endpoint missing of account 123456789012 not found."}""",
            ("x-amzn-ErrorType", "ValidationError:http://internal.amazon.com/coral/com.amazon.sagemaker/"),
            ("x-amzn-RequestId", "request-1"));

        var error = await InvokeExpectingErrorAsync();

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("ValidationError", error.ErrorType);
        Assert.Equal("Endpoint missing of account 123456789012 not found.", error.Message);
        Assert.Equal("request-1", error.RequestId);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task AModelErrorKeepsWhatTheModelContainerAnswered()
    {
        aws.AnswerWith(
            424,
            """{"ErrorCode":"CLIENT_ERROR_FROM_MODEL","LogStreamArn":"arn:aws:logs:eu-west-1:1:log-group:/aws/sagemaker/Endpoints/x","Message":"Received client error (400) from primary with message \"bad row\".","OriginalMessage":"bad row","OriginalStatusCode":400}""",
            ("x-amzn-ErrorType", "ModelError:http://internal.amazon.com/coral/com.amazon.sagemaker/"));

        var error = await InvokeExpectingErrorAsync();

        Assert.Equal("ModelError", error.ErrorType);
        Assert.Equal("CLIENT_ERROR_FROM_MODEL", error.ErrorCode);
        Assert.Equal(400, error.OriginalStatusCode);
        Assert.Equal("bad row", error.OriginalMessage);
        Assert.StartsWith("Received client error (400)", error.Message);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task AModelThatIsNotReadyIsRetryable()
    {
        aws.AnswerWith(429, """{"Message":"Model is not ready"}""", ("x-amzn-ErrorType", "ModelNotReadyException:http://internal.amazon.com/coral/com.amazon.sagemaker/"));

        var error = await InvokeExpectingErrorAsync();

        Assert.Equal("ModelNotReadyException", error.ErrorType);
        Assert.Equal("Model is not ready", error.Message);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task ACoralTypeInTheBodyNamesTheErrorWhenThereIsNoHeader()
    {
        aws.AnswerWith(400, """{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"}""");

        var error = await InvokeExpectingErrorAsync();

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.Equal("Rate exceeded", error.Message);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task AServerErrorThatIsNotJsonIsRetryableWithItsTextAsMessage()
    {
        aws.Respond = static (_, context) =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("upstream connect error");
        };

        var error = await InvokeExpectingErrorAsync();

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorType);
        Assert.Equal("upstream connect error", error.Message);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task ScoreAsyncThrowsTheSameTypedException()
    {
        aws.AnswerWith(400, """{"message":"Record 1 has 2 features but the model expects 5."}""", ("x-amzn-ErrorType", "ValidationError:http://internal.amazon.com/coral/com.amazon.sagemaker/"));
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);

        var error = await Assert.ThrowsAsync<SageMakerRuntimeException>(
            () => host.Client().ScoreAsync("rcf", new float[] { 1, 2 }, 2, new double[1]));

        Assert.Equal("ValidationError", error.ErrorType);
        Assert.Contains("expects 5", error.Message);
    }

    [Fact]
    public async Task ANetworkFailureSurfacesAsHttpRequestException()
    {
        using var host = TestClients.CreateHost(new Uri($"http://127.0.0.1:{UnusedPort()}/"), new AnonymousAWSCredentials());

        await Assert.ThrowsAsync<HttpRequestException>(
            () => host.Client().ScoreAsync("rcf", new float[] { 1 }, 1, new double[1]));
    }

    private async Task<SageMakerRuntimeException> InvokeExpectingErrorAsync()
    {
        using var host = TestClients.CreateHost(aws.BaseAddress, TestClients.Credentials);
        return await Assert.ThrowsAsync<SageMakerRuntimeException>(() => host.Client().InvokeEndpointAsync(new InvokeEndpointRequest
        {
            EndpointName = "missing",
            Body = Encoding.UTF8.GetBytes("1,2,3"),
            ContentType = "text/csv",
        }));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
