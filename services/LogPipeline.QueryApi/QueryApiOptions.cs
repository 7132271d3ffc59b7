using LogPipeline.Security;

namespace LogPipeline.QueryApi;

/// <summary>The <c>Pipeline:QueryApi</c> section.</summary>
public sealed class QueryApiOptions
{
    public const string SectionName = "Pipeline:QueryApi";

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header (from configuration or secrets).</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>
    /// Require an API key on <c>/api</c>. Unset: required outside Development, and in Development once a key is
    /// configured. Only Development may turn it off.
    /// </summary>
    public bool? RequireApiKey { get; set; }

    /// <summary>Serve the OpenAPI document and Swagger UI. Unset: in Development only.</summary>
    public bool? ServeDocumentation { get; set; }

    public int DefaultLimit { get; set; } = 50;

    public int MaxLimit { get; set; } = 1000;

    /// <summary>
    /// Key that signs pagination cursors. Unset: a random key per process, so cursors do not survive a restart or
    /// move between instances — set it (a secret) when running more than one.
    /// </summary>
    public string? CursorSecret { get; set; }

    /// <summary>DynamoDB Query requests one API request may make; past it a page comes back short, with a cursor.</summary>
    public int MaxQueriesPerRequest { get; set; } = 200;

    /// <summary>Most points one series request may return.</summary>
    public int MaxSeriesPoints { get; set; } = 1500;

    /// <summary>Widest <c>from</c>..<c>to</c> range any endpoint accepts (logs, anomalies, series, summary).</summary>
    public TimeSpan MaxRange { get; set; } = TimeSpan.FromDays(31);

    public int TopPaths { get; set; } = 10;

    /// <summary>Requests per API key (or per client address, without a valid key).</summary>
    public QueryApiRateLimitOptions RateLimit { get; set; } = new();

    public bool HasApiKeys => Array.Exists(ApiKeys, k => !string.IsNullOrWhiteSpace(k));

    public bool ApiKeysRequired(IHostEnvironment environment) => RequireApiKey ?? (!environment.IsDevelopment() || HasApiKeys);

    public bool ServesDocumentation(IHostEnvironment environment) => ServeDocumentation ?? environment.IsDevelopment();

    /// <summary>Null when the key settings can serve data in this environment, otherwise what to fix.</summary>
    public string? ApiKeyProblem(IHostEnvironment environment)
    {
        if (!ApiKeySet.AreLongEnough(ApiKeys))
        {
            return $"Every {SectionName}:ApiKeys entry must be at least {ApiKeySet.MinKeyLength} characters.";
        }

        if (RequireApiKey == false && !environment.IsDevelopment())
        {
            return $"{SectionName}:RequireApiKey=false is allowed only in Development; the {environment.EnvironmentName} Query API always requires an API key.";
        }

        if (ApiKeysRequired(environment) && !HasApiKeys)
        {
            return $"The Query API requires an API key in {environment.EnvironmentName} but {SectionName}:ApiKeys is empty: "
                + "set one, e.g. the environment variable Pipeline__QueryApi__ApiKeys__0 (a random secret).";
        }

        return null;
    }
}
