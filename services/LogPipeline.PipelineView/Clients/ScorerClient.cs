using System.Net.Http.Json;
using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.PipelineView.Clients;

/// <summary>The scorer's own API, found through service discovery (<c>services:scorer:http:0</c>).</summary>
public sealed class ScorerClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new("http://scorer");

    public Task<ThresholdState?> ThresholdAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<ThresholdState>(ScorerApiPaths.Threshold, JsonSerializerOptions.Web, cancellationToken);

    /// <summary>Precision, recall and the confusion counts against the generator's labels, passed to the page as they are.</summary>
    public Task<JsonElement> QualityAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<JsonElement>(ScorerApiPaths.Quality, cancellationToken);
}
