using LogPipeline.Security;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Security;

/// <summary>
/// Lets a request through only with a configured key in <c>X-Api-Key</c> when keys are required
/// (<see cref="QueryApiOptions.ApiKeysRequired"/>: always outside Development). Health endpoints are outside the
/// group it guards.
/// </summary>
public sealed class ApiKeyEndpointFilter(IOptions<QueryApiOptions> options, IHostEnvironment environment, ApiKeySet keys) : IEndpointFilter
{
    public const string HeaderName = ApiKeySet.HeaderName;

    readonly bool _required = options.Value.ApiKeysRequired(environment);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!_required || keys.Contains(context.HttpContext.Request.Headers[HeaderName]))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(TypedResults.Problem(
            title: "API key required",
            detail: $"Send a valid key in the {HeaderName} header.",
            statusCode: StatusCodes.Status401Unauthorized));
    }
}
