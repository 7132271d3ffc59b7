namespace LogPipeline.QueryApi.Security;

public static class ApiKeyExtensions
{
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ApiKeyEndpointFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        return group;
    }
}
