using System.Globalization;
using System.Threading.RateLimiting;
using LogPipeline.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Security;

/// <summary>
/// A fixed window per API key, or per client address for requests without a valid key (so made-up keys cannot open
/// new windows); a rejected request gets 429 problem details with <c>Retry-After</c>.
/// </summary>
public sealed class ApiKeyRateLimitPolicy(IOptions<QueryApiOptions> options, ApiKeySet keys) : IRateLimiterPolicy<string>
{
    public const string Name = "per-api-key";

    readonly FixedWindowRateLimiterOptions _window = new()
    {
        PermitLimit = options.Value.RateLimit.PermitLimit,
        Window = options.Value.RateLimit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = WriteProblemAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = keys.IndexOf(httpContext.Request.Headers[ApiKeySet.HeaderName]);
        var partition = key >= 0
            ? "key:" + key.ToString(CultureInfo.InvariantCulture)
            : "address:" + httpContext.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => _window);
    }

    static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var detail = "Too many requests for this API key (or client address).";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail += $" Retry after {seconds} s.";
        }

        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Rate limit exceeded", Detail = detail },
        });
    }
}
