using System.Net.Http.Json;
using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.PipelineView.Clients;

/// <summary>The generator's control API, found through service discovery (<c>services:generator:http:0</c>).</summary>
public sealed class GeneratorClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new("http://generator");

    /// <summary>Rate, records produced by anomaly kind and pending bursts, passed to the page as they are.</summary>
    public Task<JsonElement> StatusAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<JsonElement>(GeneratorControlPaths.Status, cancellationToken);

    public Task<HttpResponseMessage> BurstAsync(JsonElement request, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync(GeneratorControlPaths.Burst, request, cancellationToken);

    public Task<HttpResponseMessage> RateAsync(JsonElement request, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync(GeneratorControlPaths.Rate, request, cancellationToken);
}
