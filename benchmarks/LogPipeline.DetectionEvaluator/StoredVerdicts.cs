using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// The verdicts as a user reads them: <c>GET /api/logs?from&amp;to</c> on the Query API with its key, every page,
/// each stored log's label and verdict. Logs not made by the generator (no GUID id) are left out.
/// </summary>
public sealed class StoredVerdicts(HttpClient http) : IDisposable
{
    const int PageSize = 1_000;

    public async Task<List<LabelledVerdict>> ReadAsync(long from, long to, IReadOnlyList<BurstWindow> bursts, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"/api/logs?from={from}&to={to}&limit={PageSize}");
        var verdicts = new List<LabelledVerdict>();
        string? cursor = null;
        do
        {
            using var response = await http.GetAsync(query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The Query API answered {(int)response.StatusCode}: {text}");
            }

            var page = JsonNode.Parse(text)!;
            foreach (var item in page["items"]!.AsArray())
            {
                var id = item!["log_identifier"]!.GetValue<string>();
                if (!Guid.TryParse(id, out _))
                {
                    continue;
                }

                var label = item["injected_anomaly"]?.GetValue<string>();
                var timestamp = item["timestamp"]!.GetValue<long>();
                verdicts.Add(new LabelledVerdict(
                    id,
                    timestamp,
                    label,
                    bursts.Any(b => b.Contains(label, timestamp)),
                    item["is_anomaly"]!.GetValue<bool>(),
                    item["anomaly_score"]!.GetValue<double>(),
                    item["threshold"]!.GetValue<double>(),
                    item["status_code"]!.GetValue<int>()));
            }

            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return verdicts;
    }

    public void Dispose() => http.Dispose();
}
