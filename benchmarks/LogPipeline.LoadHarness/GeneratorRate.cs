using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LogPipeline.Contracts;

namespace LogPipeline.LoadHarness;

/// <summary>The generator's control API, as the harness uses it: set the rate of its traffic (0 pauses it).</summary>
public sealed class GeneratorRate(HttpClient generator) : IDisposable
{
    public async Task SetAsync(double perSecond, CancellationToken cancellationToken)
    {
        using var response = await generator.PostAsJsonAsync(GeneratorControlPaths.Rate, new JsonObject { ["perSecond"] = perSecond }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The generator answered {(int)response.StatusCode} to a rate of {perSecond}/s: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public void Dispose() => generator.Dispose();
}
