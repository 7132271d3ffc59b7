using System.Net;
using System.Text;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class InvocationErrorTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    private const string ValidationErrorType = "ValidationError:http://internal.amazon.com/coral/com.amazon.sagemaker/";

    [Theory]
    [InlineData("application/json", """{"instances":[{"features":[1,2,3]},{"features":[1,2]}]}""", "Record 2 has 2 features but the model expects 3")]
    [InlineData("text/csv", "1,2,3\n1,2,3,4\n", "Line 2: Record 2 has 4 features but the model expects 3")]
    [InlineData("application/jsonlines", "{\"features\":[1]}\n", "Line 1: Record 1 has 1 features")]
    [InlineData("application/json", """{"instances":[{"features":[1,"2",3]}]}""", "feature 2 is a JSON string, not a number")]
    [InlineData("application/json", """{"instances":[{"features":[1,null,3]}]}""", "feature 2 is a JSON null")]
    [InlineData("application/json", """{"instances":[{"features":[1,NaN,3]}]}""", "not valid JSON")]
    [InlineData("application/json", """{"instances":[{"features":[1,1e39,3]}]}""", "does not fit a finite 32-bit float")]
    [InlineData("text/csv", "1,NaN,3", "Line 1, value 2 is not a finite")]
    [InlineData("text/csv", "1,Infinity,3", "Line 1, value 2 is not a finite")]
    [InlineData("text/csv", "1,-Infinity,3", "Line 1, value 2 is not a finite")]
    [InlineData("text/csv", "1,abc,3", "Line 1, value 2 is not a number")]
    [InlineData("text/csv", "1,,3", "Line 1, value 2 is empty")]
    [InlineData("application/json", """{"instances":[]}""", "no records")]
    [InlineData("application/json", """{"instances":[{"features":{"keys":[0],"shape":[3],"values":[1]}}]}""", "sparse")]
    [InlineData("application/json", "[1,2,3]", "Record 1 is a JSON number")]
    [InlineData("application/json", "{\"instances\":[{\"features\":[1,2,3]}]} trailing", "not valid JSON")]
    public async Task BadRecordsAreAValidationErrorWithAMessageThatSaysWhy(string contentType, string body, string reason)
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, contentType, body);

        await AssertValidationErrorAsync(response, reason);
    }

    [Fact]
    public async Task AnEmptyBodyIsAValidationError()
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "");

        await AssertValidationErrorAsync(response, "empty");
    }

    [Fact]
    public async Task AnUnsupportedContentTypeIsAValidationErrorThatListsTheSupportedOnes()
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "application/x-recordio-protobuf", "1,2,3");

        await AssertValidationErrorAsync(response, "application/json, text/csv, application/jsonlines");
    }

    [Fact]
    public async Task AnUnsupportedAcceptIsAValidationError()
    {
        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2,3", accept: "text/csv");

        await AssertValidationErrorAsync(response, "Accept 'text/csv' is not supported");
    }

    [Fact]
    public async Task AnUnknownEndpointIsTheValidationErrorSageMakerGives()
    {
        using var response = await factory.CreateClient().InvokeAsync("no-such-endpoint", "text/csv", "1,2,3");

        await AssertValidationErrorAsync(response, "Endpoint no-such-endpoint of account 000000000000 not found.");
    }

    [Fact]
    public async Task ABodyOverSixMebibytesIsRefusedWith413()
    {
        var body = OversizedCsv();

        using var response = await factory.CreateClient().InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("HTTP content length exceeded 6291456 bytes.", await response.ReadErrorMessageAsync());
        Assert.True(response.Headers.Contains("x-Amzn-Invoked-Production-Variant"));
    }

    [Fact]
    public async Task ABodyOverSixMebibytesIsRefusedEvenWithoutAContentLength()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OversizedCsv())));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/endpoints/{RcfEndpointFactory.SmallModel}/invocations") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TheContainerContractAnswersWithPlainHttpStatusCodes()
    {
        var client = factory.CreateClient();

        using var unsupported = await client.PostRecordsAsync("/invocations", "application/x-image", "1,2,3");
        using var notAcceptable = await client.PostRecordsAsync("/invocations", "text/csv", "1,2,3", accept: "image/png");
        using var badRecord = await client.PostRecordsAsync("/invocations", "text/csv", "1,2");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, notAcceptable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRecord.StatusCode);
        Assert.False(badRecord.Headers.Contains("x-amzn-ErrorType"));
        Assert.Contains("expects 3", await badRecord.ReadErrorMessageAsync());
    }

    private static string OversizedCsv()
    {
        var line = "1.000000,2.000000,3.000000\n";
        return new StringBuilder().Insert(0, line, (6_291_456 / line.Length) + 1).ToString();
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ValidationErrorType, Assert.Single(response.Headers.GetValues("x-amzn-ErrorType")));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("AllTraffic", Assert.Single(response.Headers.GetValues("x-Amzn-Invoked-Production-Variant")));
        Assert.Contains(reason, await response.ReadErrorMessageAsync());
    }
}
