using System.Net;

namespace LogPipeline.SageMakerRuntime;

/// <summary>
/// An error answer of the SageMaker runtime (or of an endpoint speaking its protocol): the HTTP status, the error type
/// (from <c>x-amzn-ErrorType</c> or the body's <c>__type</c>) and the message. Network failures are not wrapped: they
/// surface as <see cref="HttpRequestException"/> and are always worth retrying.
/// </summary>
public sealed class SageMakerRuntimeException : Exception
{
    private static readonly HashSet<string> RetryableErrorTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "TooManyRequestsException",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "ModelNotReadyException",
        "InternalFailure",
        "InternalDependencyException",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    public SageMakerRuntimeException(HttpStatusCode statusCode, string? errorType, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>SageMaker's error code, e.g. <c>ValidationError</c>, <c>ModelError</c>, <c>ModelNotReadyException</c>; null when the answer named none.</summary>
    public string? ErrorType { get; }

    /// <summary><c>x-amzn-RequestId</c>, for AWS support.</summary>
    public string? RequestId { get; init; }

    /// <summary>For <c>ModelError</c>: the body's <c>ErrorCode</c>, e.g. <c>CLIENT_ERROR_FROM_MODEL</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For <c>ModelError</c>: the status code the model's container answered with.</summary>
    public int? OriginalStatusCode { get; init; }

    /// <summary>For <c>ModelError</c>: the message the model's container answered with.</summary>
    public string? OriginalMessage { get; init; }

    /// <summary>True for throttling, a model not ready yet, and server-side failures (429 and 5xx).</summary>
    public bool IsRetryable =>
        StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
        || (ErrorType is not null && RetryableErrorTypes.Contains(ErrorType));

    public override string ToString() => $"{GetType().FullName}: {(int)StatusCode} {ErrorType ?? "(no error type)"}: {Message}";
}
