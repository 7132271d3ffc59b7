using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Amazon.Runtime;
using LogPipeline.Kafka.Msk;

namespace LogPipeline.Kafka.Msk.Tests;

public class MskIamTokenProviderTests
{
    const string Region = "eu-west-1";
    static readonly DateTimeOffset SignedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token: null);

    [Fact]
    public void TokenIsBase64UrlWithoutPadding()
    {
        var token = MskIamTokenProvider.CreateToken(Region, Credentials, SignedAt);

        Assert.Matches("^[A-Za-z0-9_-]+$", token.Value);
        Assert.True(Base64Url.IsValid(token.Value));
    }

    [Fact]
    public void TokenDecodesToAPresignedConnectRequestToTheRegionalKafkaHost()
    {
        var url = Decode(MskIamTokenProvider.CreateToken(Region, Credentials, SignedAt));

        Assert.Equal("https", url.Scheme);
        Assert.Equal("kafka.eu-west-1.amazonaws.com", url.Host);
        Assert.Equal("/", url.AbsolutePath);
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("kafka-cluster:Connect", query["Action"]);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Equal("AKIDEXAMPLE/20250102/eu-west-1/kafka-cluster/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("20250102T030405Z", query["X-Amz-Date"]);
        Assert.Equal("900", query["X-Amz-Expires"]);
        Assert.Equal("host", query["X-Amz-SignedHeaders"]);
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"]);
        Assert.Equal(MskIamTokenProvider.UserAgent, query["User-Agent"]);
        Assert.Null(query["X-Amz-Security-Token"]);
    }

    [Fact]
    public void ActionIsPercentEncodedInTheUrl()
    {
        var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(MskIamTokenProvider.CreateToken(Region, Credentials, SignedAt).Value));

        Assert.Contains("Action=kafka-cluster%3AConnect", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureIsTheSigV4SignatureOfTheCanonicalConnectRequest()
    {
        var query = HttpUtility.ParseQueryString(Decode(MskIamTokenProvider.CreateToken(Region, Credentials, SignedAt)).Query);

        // An independent SigV4 computation (the specification's steps) as the oracle for AWSSDK.Core's presigner.
        var signedParameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = "kafka-cluster:Connect",
            ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
            ["X-Amz-Credential"] = "AKIDEXAMPLE/20250102/eu-west-1/kafka-cluster/aws4_request",
            ["X-Amz-Date"] = "20250102T030405Z",
            ["X-Amz-Expires"] = "900",
            ["X-Amz-SignedHeaders"] = "host",
        };
        var canonicalQuery = string.Join('&', signedParameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var canonicalRequest = string.Join('\n', "GET", "/", canonicalQuery, "host:kafka.eu-west-1.amazonaws.com", "", "host", Hex(SHA256.HashData([])));
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", "20250102T030405Z", "20250102/eu-west-1/kafka-cluster/aws4_request", Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + Credentials.SecretKey), "20250102");
        key = Hmac(key, "eu-west-1");
        key = Hmac(key, "kafka-cluster");
        key = Hmac(key, "aws4_request");

        Assert.Equal(Hex(Hmac(key, stringToSign)), query["X-Amz-Signature"]);
    }

    [Fact]
    public void TokenExpiresNineHundredSecondsAfterSigning()
    {
        var token = MskIamTokenProvider.CreateToken(Region, Credentials, SignedAt);

        Assert.Equal(SignedAt.AddSeconds(900), token.ExpiresAt);
        Assert.Equal(SignedAt.AddSeconds(900).ToUnixTimeMilliseconds(), token.ExpiresAtUnixMilliseconds);
    }

    [Fact]
    public void SessionCredentialsCarryTheirTokenInTheSignedQuery()
    {
        var session = new ImmutableCredentials("ASIAEXAMPLE", "secret", "session/token+with=chars");

        var query = HttpUtility.ParseQueryString(Decode(MskIamTokenProvider.CreateToken(Region, session, SignedAt)).Query);

        Assert.Equal("session/token+with=chars", query["X-Amz-Security-Token"]);
        Assert.StartsWith("ASIAEXAMPLE/", query["X-Amz-Credential"], StringComparison.Ordinal);
    }

    [Fact]
    public void ChinaRegionsUseTheChinaPartitionHost()
    {
        var url = Decode(MskIamTokenProvider.CreateToken("cn-north-1", Credentials, SignedAt));

        Assert.Equal("kafka.cn-north-1.amazonaws.com.cn", url.Host);
    }

    [Fact]
    public void GetTokenSignsWithTheGivenCredentialsAtTheProvidersTime()
    {
        var provider = new MskIamTokenProvider("us-east-2", new BasicAWSCredentials("AKIDOTHER", "secret"), new FixedTime(SignedAt));

        var token = provider.GetToken();

        var query = HttpUtility.ParseQueryString(Decode(token).Query);
        Assert.Equal("AKIDOTHER/20250102/us-east-2/kafka-cluster/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal(SignedAt.AddSeconds(900), token.ExpiresAt);
    }

    [Fact]
    public void TokenIsNotPrintedByToString()
    {
        var token = MskIamTokenProvider.CreateToken(Region, Credentials, SignedAt);

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
    }

    internal static Uri Decode(MskIamToken token) => new(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Value)));

    static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
