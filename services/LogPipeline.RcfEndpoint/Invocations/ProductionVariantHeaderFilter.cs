using LogPipeline.RcfEndpoint.Models;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Adds <c>x-Amzn-Invoked-Production-Variant</c> to every invocation response, errors included.</summary>
sealed class ProductionVariantHeaderFilter(IOptions<RcfOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-Amzn-Invoked-Production-Variant";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers[HeaderName] = options.Value.VariantName;
        return next(context);
    }
}
