using System.Net;
using LogPipeline.Security;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Admin;

/// <summary>
/// Guards the admin API: with keys configured (<c>Pipeline:Rcf:Admin:ApiKeys</c>) a request needs one of them in
/// <c>X-Api-Key</c> (401 otherwise); without keys only a request from the machine itself gets through (403 otherwise).
/// </summary>
sealed class AdminAccessFilter(IOptions<RcfAdminOptions> options) : IEndpointFilter
{
    readonly ApiKeySet _keys = new(options.Value.ApiKeys);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!_keys.IsEmpty)
        {
            return _keys.Contains(http.Request.Headers[ApiKeySet.HeaderName])
                ? next(context)
                : Refuse(StatusCodes.Status401Unauthorized, "API key required", $"Send a valid admin key in the {ApiKeySet.HeaderName} header.");
        }

        return IsLocal(http.Connection.RemoteIpAddress)
            ? next(context)
            : Refuse(StatusCodes.Status403Forbidden, "Admin API is local only", $"Without {RcfAdminOptions.SectionName}:ApiKeys the admin API answers only requests from this machine.");
    }

    /// <summary>Loopback, or no network peer at all (in-process, a Unix socket).</summary>
    static bool IsLocal(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    static ValueTask<object?> Refuse(int status, string title, string detail) =>
        ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: status, title: title, detail: detail));
}
