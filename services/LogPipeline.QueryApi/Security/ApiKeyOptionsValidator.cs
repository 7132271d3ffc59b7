using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Security;

/// <summary>
/// Fails start-up when the Query API would serve data without an API key outside Development, naming the setting
/// to provide (<see cref="QueryApiOptions.ApiKeyProblem"/>).
/// </summary>
sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<QueryApiOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryApiOptions options) =>
        options.ApiKeyProblem(environment) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
