using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace LogPipeline.Kafka.Msk;

/// <summary>
/// Builds the token Amazon MSK's IAM access control accepts as a SASL/OAUTHBEARER token: a GET request to
/// <c>https://kafka.{region}.amazonaws.com/?Action=kafka-cluster%3AConnect</c>, presigned with SigV4 for service
/// <c>kafka-cluster</c> for 900 seconds, with a <c>User-Agent</c> parameter, encoded as base64url without padding —
/// the format of aws-msk-iam-auth and aws-msk-iam-sasl-signer-net (AWS.MSK.Auth cannot be restored here). Signing and
/// credentials are AWSSDK.Core's: its presigned-URL signer and its default credential chain (environment, profile,
/// web identity, ECS task role, EC2 instance role).
/// </summary>
public sealed class MskIamTokenProvider
{
    public const string SigningService = "kafka-cluster";
    public const string ConnectAction = "kafka-cluster:Connect";
    public const string UserAgent = "logpipeline-msk-iam";

    /// <summary>How long a presigned token is valid, as the MSK signers set it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(900);

    private readonly AWSCredentials? _credentials;
    private readonly TimeProvider _timeProvider;

    /// <param name="region">The region of the MSK cluster (signing region and host).</param>
    /// <param name="credentials">Credentials to sign with; null resolves AWSSDK.Core's default chain on first use.</param>
    /// <param name="timeProvider">The clock that dates the signature.</param>
    public MskIamTokenProvider(string region, AWSCredentials? credentials = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Region = region.Trim();
        _credentials = credentials;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string Region { get; }

    /// <summary>A fresh token signed now with the current credentials (refreshing credentials renew themselves).</summary>
    public MskIamToken GetToken()
    {
        var credentials = (_credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null)).GetCredentials();
        return CreateToken(Region, credentials, _timeProvider.GetUtcNow());
    }

    /// <summary>The host the token is issued for: the regional <c>kafka</c> endpoint.</summary>
    public static string Host(string region) =>
        region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase)
            ? $"kafka.{region}.amazonaws.com.cn"
            : $"kafka.{region}.amazonaws.com";

    /// <summary>The token for <paramref name="credentials"/> signed at <paramref name="signedAt"/>.</summary>
    public static MskIamToken CreateToken(string region, ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(credentials);

        var request = new DefaultRequest(TokenRequest.Instance, SigningService)
        {
            HttpMethod = "GET",
            UseQueryString = true,
            Endpoint = new Uri("https://" + Host(region)),
            ResourcePath = "/",
        };
        request.Parameters["Action"] = ConnectAction;
        request.Parameters["X-Amz-Expires"] = Lifetime.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        if (credentials.UseToken)
        {
            // Session credentials (task and instance roles): the token is signed as part of the query.
            request.Parameters["X-Amz-Security-Token"] = credentials.Token;
        }

        var signature = AWS4PreSignedUrlSigner.SignRequest(
            request, clientConfig: null, metrics: null, credentials.AccessKey, credentials.SecretKey, SigningService, region, signedAt.UtcDateTime);

        // The user agent is not part of the signature (the MSK signers append it after signing too).
        var url = AmazonServiceClient.ComposeUrl(request).AbsoluteUri + "&" + signature.ForQueryParameters + "&User-Agent=" + UserAgent;
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(url));
        return new MskIamToken(token, new DateTimeOffset(signature.DateTime, TimeSpan.Zero) + Lifetime);
    }

    /// <summary>The "original request" AWSSDK.Core's request type needs; nothing reads it when presigning.</summary>
    private sealed class TokenRequest : AmazonWebServiceRequest
    {
        public static readonly TokenRequest Instance = new();
    }
}
