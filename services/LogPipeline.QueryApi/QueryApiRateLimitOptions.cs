namespace LogPipeline.QueryApi;

/// <summary>
/// The <c>Pipeline:QueryApi:RateLimit</c> section: a fixed window of <see cref="PermitLimit"/> requests per
/// <see cref="Window"/> for each API key (each client address for requests without a valid key); past it, 429.
/// </summary>
public sealed class QueryApiRateLimitOptions
{
    public int PermitLimit { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
