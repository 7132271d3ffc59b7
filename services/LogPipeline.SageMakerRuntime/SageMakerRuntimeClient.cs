using LogPipeline.SageMakerRuntime.Signing;

namespace LogPipeline.SageMakerRuntime;

/// <summary>
/// SageMaker's InvokeEndpoint over <see cref="HttpClient"/>: <c>POST {base}/endpoints/{name}/invocations</c>, SigV4-signed
/// for service <c>sagemaker</c>. The same client talks to SageMaker in AWS and to the local RCF endpoint.
/// Error answers throw <see cref="SageMakerRuntimeException"/>; network failures throw <see cref="HttpRequestException"/>.
/// </summary>
public sealed class SageMakerRuntimeClient(HttpClient httpClient, SageMakerRuntimeEndpoint endpoint, SageMakerRequestSigner signer)
{
    public const string JsonContentType = "application/json";
    public const string InvokedProductionVariantHeader = "x-Amzn-Invoked-Production-Variant";
    public const string CustomAttributesHeader = "X-Amzn-SageMaker-Custom-Attributes";
    public const string TargetVariantHeader = "X-Amzn-SageMaker-Target-Variant";

    // Per-record JSON size, to size the pooled request buffer once: a float is at most ~15 characters plus a comma.
    private const int BytesPerFeature = 16;
    private const int BytesPerRecord = 20;

    public SageMakerRuntimeEndpoint Endpoint => endpoint;

    public async Task<InvokeEndpointResponse> InvokeEndpointAsync(InvokeEndpointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.EndpointName);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ContentType);
        using var message = CreateMessage(request.EndpointName, request.Body, request.ContentType, request.Accept);
        AddOptionalHeader(message, CustomAttributesHeader, request.CustomAttributes);
        AddOptionalHeader(message, TargetVariantHeader, request.TargetVariant);
        await signer.SignAsync(message, request.EndpointName, request.Body, cancellationToken);

        using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await SageMakerErrorReader.ReadAsync(response, cancellationToken);
        }

        return new InvokeEndpointResponse
        {
            Body = await response.Content.ReadAsByteArrayAsync(cancellationToken),
            ContentType = response.Content.Headers.ContentType?.ToString(),
            InvokedProductionVariant = HeaderValue(response, InvokedProductionVariantHeader),
            CustomAttributes = HeaderValue(response, CustomAttributesHeader),
        };
    }

    /// <summary>
    /// Scores <c>scores.Length</c> records of <paramref name="featureCount"/> values each, laid out flat in
    /// <paramref name="features"/>: sends SageMaker's dense JSON and reads <c>{"scores":[..]}</c> into <paramref name="scores"/>
    /// in input order. The request and response bodies live in pooled buffers.
    /// </summary>
    public async Task ScoreAsync(string endpointName, ReadOnlyMemory<float> features, int featureCount, Memory<double> scores, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfZero(scores.Length);
        if (features.Length != scores.Length * featureCount)
        {
            throw new ArgumentException($"{features.Length} features are not {scores.Length} records of {featureCount}.", nameof(features));
        }

        using var body = new PooledBufferWriter((features.Length * BytesPerFeature) + (scores.Length * BytesPerRecord) + 32);
        DenseJsonRequest.Write(body, features.Span, featureCount);
        using var message = CreateMessage(endpointName, body.WrittenMemory, JsonContentType, JsonContentType);
        await signer.SignAsync(message, endpointName, body.WrittenMemory, cancellationToken);

        using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await SageMakerErrorReader.ReadAsync(response, cancellationToken);
        }

        using var answer = await PooledBufferWriter.ReadFromAsync(response.Content, cancellationToken);
        ScoresResponse.Read(answer.WrittenSpan, scores.Span);
    }

    private HttpRequestMessage CreateMessage(string endpointName, ReadOnlyMemory<byte> body, string contentType, string? accept)
    {
        var uri = new Uri(endpoint.BaseAddress, "endpoints/" + Uri.EscapeDataString(endpointName) + "/invocations");
        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(body) };

        // Sent exactly as signed: no header parsing or reformatting.
        message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        AddOptionalHeader(message, "Accept", accept);
        return message;
    }

    private static void AddOptionalHeader(HttpRequestMessage message, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
