using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Security;

/// <summary>
/// Lets a request through only with a configured key in <c>X-Api-Key</c>, when keys are required
/// (<c>Pipeline:QueryApi:RequireApiKey</c>; unset means required in Production). Health endpoints are outside
/// the group it guards.
/// </summary>
public sealed class ApiKeyEndpointFilter(IOptions<QueryApiOptions> options, IHostEnvironment environment) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    readonly bool _required = options.Value.RequireApiKey ?? environment.IsProduction();
    readonly byte[][] _keys = Array.ConvertAll(options.Value.ApiKeys, k => Encoding.UTF8.GetBytes(k));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!_required || IsValid(context.HttpContext.Request.Headers[HeaderName]))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(TypedResults.Problem(
            title: "API key required",
            detail: $"Send a valid key in the {HeaderName} header.",
            statusCode: StatusCodes.Status401Unauthorized));
    }

    bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        var valid = false;
        foreach (var key in _keys)
        {
            // Compare against every key in constant time so timing reveals neither which key nor how much matched.
            valid |= key.Length > 0 && CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return valid;
    }
}
