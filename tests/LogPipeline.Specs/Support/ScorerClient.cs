using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogPipeline.Specs.Support;

/// <summary>What the scorer says about itself: detection quality against the generator's labels, threshold, health.</summary>
public sealed class ScorerClient(HttpClient http) : IDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Quality> QualityAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<Quality>("/api/scorer/quality", Json, cancellationToken) ?? throw new InvalidOperationException("No quality.");

    public async Task<ThresholdState> ThresholdAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ThresholdState>("/api/scorer/threshold", Json, cancellationToken) ?? throw new InvalidOperationException("No threshold.");

    public void Dispose() => http.Dispose();

    public sealed record Quality(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives, Dictionary<string, KindRecall> ByKind)
    {
        public KindRecall Kind(string kind) => ByKind.GetValueOrDefault(kind) ?? new KindRecall(0, 0);

        public override string ToString() =>
            $"TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, TN {TrueNegatives}; " +
            string.Join(", ", ByKind.Select(k => $"{k.Key} {k.Value.Flagged}/{k.Value.Injected}"));
    }

    public sealed record KindRecall(long Injected, long Flagged);

    public sealed record ThresholdState(string Mode, double Current, [property: JsonPropertyName("scoresObserved")] long ScoresObserved);
}
