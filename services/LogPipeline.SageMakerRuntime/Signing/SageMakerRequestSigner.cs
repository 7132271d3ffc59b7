using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace LogPipeline.SageMakerRuntime.Signing;

/// <summary>
/// Signs InvokeEndpoint requests with AWS Signature Version 4 for service <c>sagemaker</c>, using AWSSDK.Core's own
/// <see cref="AWS4Signer"/>: the request's headers are handed to the SDK's request type, signed there, and the
/// headers the signer adds (<c>X-Amz-Date</c>, <c>x-amz-content-sha256</c>, <c>Authorization</c>) copied back.
/// Without credentials a request may only go unsigned to a loopback address (a local endpoint).
/// </summary>
public sealed class SageMakerRequestSigner(SageMakerRuntimeEndpoint endpoint, AwsCredentialsSource credentials)
{
    private const string SecurityTokenHeader = "X-Amz-Security-Token";
    private const string EndpointNamePlaceholder = "{EndpointName}";

    private readonly SageMakerSigningConfig _config = new(endpoint.SigningRegion);
    private readonly AWS4Signer _signer = new();

    /// <summary>
    /// Adds the signature headers to <paramref name="message"/>, whose URI, content and other headers must be final.
    /// </summary>
    public async ValueTask SignAsync(HttpRequestMessage message, string endpointName, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var current = await credentials.GetAsync(_config, cancellationToken);
        if (current is null)
        {
            if (endpoint.IsLoopback)
            {
                return;
            }

            throw new InvalidOperationException(
                $"No AWS credentials were found to sign the request to {endpoint.BaseAddress}. Configure the default credential chain "
                + $"(e.g. AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile or a role), or point {SageMakerRuntimeEndpoint.EndpointUrlKey} at a local endpoint.");
        }

        using var request = new DefaultRequest(SigningOnlyRequest.Instance, "SageMakerRuntime")
        {
            HttpMethod = message.Method.Method,
            Endpoint = new Uri(endpoint.BaseAddress.GetLeftPart(UriPartial.Authority)),
            ResourcePath = endpoint.BaseAddress.AbsolutePath + "endpoints/" + EndpointNamePlaceholder + "/invocations",
            AuthenticationRegion = endpoint.SigningRegion,
        };
        request.AddPathResource(EndpointNamePlaceholder, endpointName);
        CopySignedHeaders(message.Headers, request.Headers);
        if (message.Content is not null)
        {
            CopySignedHeaders(message.Content.Headers, request.Headers);
        }

        if (current.UseToken)
        {
            request.Headers[SecurityTokenHeader] = current.Token;
        }

        // The SDK hashes the payload from a stream over the body's own buffer: no copy of the (pooled) body.
        using var payload = AsStream(body);
        request.ContentStream = payload;

        var result = _signer.SignRequest(request, _config, metrics: null, current.AccessKey, current.SecretKey);
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    private static void CopySignedHeaders(HttpHeaders from, IDictionary<string, string> to)
    {
        foreach (var header in from.NonValidated)
        {
            to[header.Key] = header.Value.ToString();
        }
    }
}
