using LogPipeline.Contracts;
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
    public const string CustomAttributesHeader = AttributionExtension.CustomAttributesHeader;
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
    public async Task ScoreAsync(string endpointName, ReadOnlyMemory<float> features, int featureCount, Memory<double> scores, CancellationToken cancellationToken = default) =>
        await ScoreAsync(endpointName, features, featureCount, scores, Memory<double>.Empty, Memory<double>.Empty, cancellationToken);

    /// <summary>
    /// <see cref="ScoreAsync(string, ReadOnlyMemory{float}, int, Memory{double}, CancellationToken)"/> that also asks for
    /// each score's split over the features (<see cref="AttributionExtension"/>) when <paramref name="high"/> and
    /// <paramref name="low"/> (<paramref name="featureCount"/> values per record each) are not empty. Returns true when
    /// the endpoint answered with attribution; an endpoint without the extension (SageMaker's built-in RCF) answers
    /// scores only, and then false.
    /// </summary>
    public async Task<bool> ScoreAsync(
        string endpointName,
        ReadOnlyMemory<float> features,
        int featureCount,
        Memory<double> scores,
        Memory<double> high,
        Memory<double> low,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfZero(scores.Length);
        if (features.Length != scores.Length * featureCount)
        {
            throw new ArgumentException($"{features.Length} features are not {scores.Length} records of {featureCount}.", nameof(features));
        }

        if (high.Length != low.Length || (!high.IsEmpty && high.Length != features.Length))
        {
            throw new ArgumentException($"Attribution needs {features.Length} values per side, or none; got {high.Length} and {low.Length}.", nameof(high));
        }

        using var body = new PooledBufferWriter((features.Length * BytesPerFeature) + (scores.Length * BytesPerRecord) + 32);
        DenseJsonRequest.Write(body, features.Span, featureCount);
        using var message = CreateMessage(endpointName, body.WrittenMemory, JsonContentType, JsonContentType);
        if (!high.IsEmpty)
        {
            AddOptionalHeader(message, CustomAttributesHeader, AttributionExtension.CustomAttribute);
        }

        await signer.SignAsync(message, endpointName, body.WrittenMemory, cancellationToken);

        using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await SageMakerErrorReader.ReadAsync(response, cancellationToken);
        }

        using var answer = await PooledBufferWriter.ReadFromAsync(response.Content, cancellationToken);
        return ScoresResponse.Read(answer.WrittenSpan, scores.Span, high.Span, low.Span);
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
