using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>
/// An error as the SageMaker runtime answers it: a status code, the error type in <c>x-amzn-ErrorType</c> (the
/// AWS REST-JSON protocol) and <c>{"message":"..."}</c>. SageMaker's front end sends 413 without an error type.
/// </summary>
public sealed class SageMakerErrorResult(int statusCode, string? errorType, string message) : IResult, IStatusCodeHttpResult
{
    public const string ErrorTypeHeader = "x-amzn-ErrorType";
    public const string ValidationError = "ValidationError";

    // SageMaker qualifies the type with its Coral namespace; clients keep the part before the colon.
    private const string CoralNamespace = ":http://internal.amazon.com/coral/com.amazon.sagemaker/";

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string? ErrorType => errorType;

    public string Message => message;

    public static SageMakerErrorResult For(InvocationError error, InvocationRoute route) => route == InvocationRoute.Runtime
        ? error.Kind == InvocationErrorKind.PayloadTooLarge
            ? new(StatusCodes.Status413PayloadTooLarge, null, error.Message)
            : new(StatusCodes.Status400BadRequest, ValidationError, error.Message)
        : new(ContainerStatusCode(error.Kind), null, error.Message);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = MediaTypes.Json;
        if (errorType is not null)
        {
            response.Headers[ErrorTypeHeader] = errorType + CoralNamespace;
        }

        using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("message"u8, message);
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private static int ContainerStatusCode(InvocationErrorKind kind) => kind switch
    {
        InvocationErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        InvocationErrorKind.UnsupportedContentType => StatusCodes.Status415UnsupportedMediaType,
        InvocationErrorKind.UnsupportedAccept => StatusCodes.Status406NotAcceptable,
        InvocationErrorKind.NoModel => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
