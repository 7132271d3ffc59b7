using LogPipeline.Hosting.ResourceList;

namespace LogPipeline.Hosting.Tests;

public class SecretMaskingTests
{
    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("Pipeline__QueryApi__ApiKeys__0")]
    [InlineData("Pipeline__QueryApi__CursorSecret")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS")]
    [InlineData("db_password")]
    [InlineData("GITHUB_TOKEN")]
    public void NamesOfKeysSecretsPasswordsTokensAndHeadersAreSecret(string name) =>
        Assert.True(SecretMasking.IsSecretName(name));

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB")]
    [InlineData("ConnectionStrings__kafka")]
    [InlineData("OTEL_SERVICE_NAME")]
    public void OrdinaryNamesAreNotSecret(string name) =>
        Assert.False(SecretMasking.IsSecretName(name));

    [Fact]
    public void OnlyTheValuesOfSecretPairsInAConnectionStringAreMasked()
    {
        var masked = SecretMasking.MaskConnectionString("Endpoint=http://db:8000;Password=hunter2;User Id=app;AccessKey=AKIA123");

        Assert.Equal("Endpoint=http://db:8000;Password=***;User Id=app;AccessKey=***", masked);
    }

    [Fact]
    public void ABootstrapListHasNothingToMask() =>
        Assert.Equal("127.0.0.1:9092,127.0.0.1:9093", SecretMasking.MaskConnectionString("127.0.0.1:9092,127.0.0.1:9093"));
}
