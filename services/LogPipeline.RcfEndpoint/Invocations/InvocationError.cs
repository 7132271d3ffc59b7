namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Why an invocation was refused.</summary>
public readonly record struct InvocationError(InvocationErrorKind Kind, string Message)
{
    /// <summary>The <c>error.type</c> of metrics and spans.</summary>
    public string Type => Kind switch
    {
        InvocationErrorKind.InvalidInput => "invalid_input",
        InvocationErrorKind.EmptyBody => "empty_body",
        InvocationErrorKind.PayloadTooLarge => "payload_too_large",
        InvocationErrorKind.UnsupportedContentType => "unsupported_content_type",
        InvocationErrorKind.UnsupportedAccept => "unsupported_accept",
        InvocationErrorKind.EndpointNotFound => "endpoint_not_found",
        _ => "no_model",
    };

    public static InvocationError PayloadTooLarge() =>
        new(InvocationErrorKind.PayloadTooLarge, $"HTTP content length exceeded {RequestBody.MaxBytes} bytes.");

    public static InvocationError EmptyBody() =>
        new(InvocationErrorKind.EmptyBody, "The request body is empty: send at least one record.");

    public static InvocationError UnsupportedContentType(string? contentType) =>
        new(InvocationErrorKind.UnsupportedContentType, $"Content type '{contentType}' is not supported; use one of: {MediaTypes.SupportedInput}.");

    public static InvocationError UnsupportedAccept(string? accept) =>
        new(InvocationErrorKind.UnsupportedAccept, $"Accept '{accept}' is not supported; use one of: {MediaTypes.SupportedOutput}.");

    public static InvocationError EndpointNotFound(string endpointName, string accountId) =>
        new(InvocationErrorKind.EndpointNotFound, $"Endpoint {endpointName} of account {accountId} not found.");

    public static InvocationError NoModel() =>
        new(InvocationErrorKind.NoModel, "No model is loaded to serve /invocations.");
}
