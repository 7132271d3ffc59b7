using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace LogPipeline.Generator.Api;

/// <summary>
/// Turns request bodies the framework cannot bind (malformed JSON, a string where a number belongs) into RFC 7807
/// validation problems that name the offending field, instead of a bare 400.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = badRequest.InnerException is JsonException json
            ? (FieldOf(json.Path), $"The request body is not valid JSON for this endpoint at '{json.Path ?? "$"}'.")
            : ("body", badRequest.Message);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = badRequest.StatusCode,
                Detail = message,
            },
        });
    }

    /// <summary><c>$.perSecond</c> → <c>perSecond</c>, <c>$.messages[2]</c> → <c>messages[2]</c>, <c>$</c> → <c>body</c>.</summary>
    static string FieldOf(string? path) => path switch
    {
        null or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };
}
