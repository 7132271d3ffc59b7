namespace LogPipeline.QueryApi.Security;

public static class ApiKeyExtensions
{
    /// <summary>The API key check and the per-key rate limit, applied once to the whole group.</summary>
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ApiKeyEndpointFilter>()
            .RequireRateLimiting(ApiKeyRateLimitPolicy.Name)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();
        return group;
    }
}
