using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace LogPipeline.Specs.Support;

/// <summary>The Query API over DynamoDB, as a user of it sees it (snake_case JSON, cursors, problem details).</summary>
public sealed class QueryApiClient(HttpClient http) : IDisposable
{
    /// <summary><c>GET /api/logs/{id}</c>: the stored log, or null on 404.</summary>
    public async Task<JsonObject?> GetLogAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"/api/logs/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return (await ReadAsync(response, cancellationToken)).AsObject();
    }

    /// <summary><c>GET /api/logs?from&amp;to&amp;path</c>, every page (following <c>next_cursor</c>).</summary>
    public async Task<List<JsonObject>> ListLogsAsync(long from, long to, string? path, CancellationToken cancellationToken = default)
    {
        var query = $"/api/logs?from={from}&to={to}&limit=1000" + (path is null ? "" : "&path=" + Uri.EscapeDataString(path));
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await GetPageAsync(query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), cancellationToken);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>The total of one counter series (<c>GET /api/stats/series</c>, per minute) over a range.</summary>
    public async Task<double> SeriesTotalAsync(string series, long from, long to, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(
            $"/api/stats/series?series={Uri.EscapeDataString(series)}&from={from}&to={to}&granularity=minute", cancellationToken);
        return (await ReadAsync(response, cancellationToken))["total"]!.GetValue<double>();
    }

    public static string Ms(long epochMs) => epochMs.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => http.Dispose();

    /// <summary>One page of <c>/api/logs</c> or <c>/api/anomalies</c>.</summary>
    public async Task<Page> GetPageAsync(string relativeUrl, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(relativeUrl, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        return new Page(
            body["items"]!.AsArray().Select(i => i!.AsObject()).ToList(),
            body["next_cursor"]?.GetValue<string>());
    }

    static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The Query API answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri?.PathAndQuery}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    public sealed record Page(List<JsonObject> Items, string? NextCursor);
}
