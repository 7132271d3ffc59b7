namespace LogPipeline.QueryApi;

/// <summary>The <c>Pipeline:QueryApi</c> section.</summary>
public sealed class QueryApiOptions
{
    public const string SectionName = "Pipeline:QueryApi";

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header (from configuration or secrets).</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Require an API key on <c>/api</c>. Unset: required in Production, not elsewhere.</summary>
    public bool? RequireApiKey { get; set; }

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

    public int TopPaths { get; set; } = 10;
}
