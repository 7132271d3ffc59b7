using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LogPipeline.Specs.Support;

/// <summary>The generator's control API: publish hand-made logs and raw bytes, inject bursts.</summary>
public sealed class GeneratorClient(HttpClient http) : IDisposable
{
    /// <summary><c>POST /control/logs</c>: answers 202 once the broker acknowledged every record.</summary>
    public async Task PublishLogsAsync(IReadOnlyCollection<JsonObject> logs, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/control/logs", new JsonArray([.. logs.Select(l => l.DeepClone())]), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted, $"publishing {logs.Count} logs");
    }

    /// <summary><c>POST /control/raw</c>: each string's UTF-8 bytes, unchanged, all under <paramref name="key"/>.</summary>
    public async Task PublishRawAsync(IReadOnlyList<string> messages, string? key, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]), ["key"] = key };
        using var response = await http.PostAsJsonAsync("/control/raw", body, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted, $"publishing {messages.Count} raw messages");
    }

    /// <summary><c>POST /control/burst</c>: the generator injects <paramref name="count"/> records of one anomaly kind.</summary>
    public async Task BurstAsync(string kind, int count, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/control/burst", new JsonObject { ["kind"] = kind, ["count"] = count }, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted, $"requesting a burst of {count} {kind}");
    }

    /// <summary><c>POST /control/rate</c>: records per second of normal traffic.</summary>
    public async Task SetRateAsync(double perSecond, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/control/rate", new JsonObject { ["perSecond"] = perSecond }, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK, $"setting the rate to {perSecond}/s");
    }

    /// <summary><c>GET /control/status</c>: generated records the broker acknowledged so far.</summary>
    public async Task<long> ProducedTotalAsync(CancellationToken cancellationToken = default)
    {
        var status = await http.GetFromJsonAsync<JsonObject>("/control/status", cancellationToken);
        return status!["producedTotal"]!.GetValue<long>();
    }

    /// <summary><c>GET /control/status</c>: records of a requested burst of <paramref name="kind"/> not generated yet.</summary>
    public async Task<long> PendingBurstRecordsAsync(string kind, CancellationToken cancellationToken = default)
    {
        var status = await http.GetFromJsonAsync<JsonObject>("/control/status", cancellationToken);
        return status!["pendingBursts"]![kind]!.GetValue<long>();
    }

    public void Dispose() => http.Dispose();

    static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"The generator answered {(int)response.StatusCode} to {what}, not {(int)expected}: {body}");
        }
    }
}
