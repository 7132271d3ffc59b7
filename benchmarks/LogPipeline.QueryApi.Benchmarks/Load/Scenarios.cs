using System.Globalization;
using System.Text.Json;
using LogPipeline.QueryApi.Benchmarks.Dataset;

namespace LogPipeline.QueryApi.Benchmarks.Load;

/// <summary>The requests measured: every endpoint, over a short and a whole-day range where the range matters.</summary>
static class Scenarios
{
    const long Hour = 3_600_000;

    public static async Task<IReadOnlyList<Scenario>> CreateAsync(DatasetPlan plan, HttpClient http, CancellationToken cancellationToken)
    {
        var day = $"from={plan.StartMs}&to={plan.EndMs - 1}";
        var cursors = await CollectCursorsAsync(plan, http, 50, cancellationToken);
        return
        [
            new("log by id", "/api/logs/{logId}", r =>
            {
                var partition = r.Next(plan.Partitions);
                return "/api/logs/" + plan.IdOf(partition, r.NextInt64(plan.ItemsIn(partition)));
            }),
            new("logs, 1 h window", "/api/logs?from&to=from+1h&limit=100", r => "/api/logs?" + HourWindow(plan, r) + "&limit=100"),
            new("logs, next page", "/api/logs?cursor={next_cursor}", r => "/api/logs?cursor=" + Uri.EscapeDataString(cursors[r.Next(cursors.Count)])),
            new("logs, 24 h", "/api/logs?from&to (24 h)&limit=100", _ => $"/api/logs?{day}&limit=100"),
            new("logs, 1 h, status=5xx", "/api/logs?from&to=from+1h&status=5xx&limit=50", r => "/api/logs?" + HourWindow(plan, r) + "&status=5xx&limit=50"),
            new("anomalies, 24 h", "/api/anomalies?from&to (24 h)&limit=100", _ => $"/api/anomalies?{day}&limit=100"),
            new("anomalies, 1 h, minScore=3", "/api/anomalies?from&to=from+1h&minScore=3&limit=100", r => "/api/anomalies?" + HourWindow(plan, r) + "&minScore=3&limit=100"),
            new("series, 24 h by minute", "/api/stats/series?series=total&granularity=minute (1,440 points)", _ => $"/api/stats/series?series=total&granularity=minute&{day}"),
            new("series, 24 h by hour", "/api/stats/series?series=status:5xx&granularity=hour", _ => $"/api/stats/series?series=status:5xx&granularity=hour&{day}"),
            new("summary, 1 h", "/api/stats/summary?from&to=from+1h", r => "/api/stats/summary?" + HourWindow(plan, r)),
            new("summary, 24 h", "/api/stats/summary?from&to (24 h)", _ => $"/api/stats/summary?{day}"),
        ];
    }

    /// <summary>A random hour-long window inside the data set, not aligned to the hour buckets.</summary>
    static string HourWindow(DatasetPlan plan, Random random)
    {
        var from = plan.StartMs + random.NextInt64(plan.EndMs - plan.StartMs - Hour);
        return string.Create(CultureInfo.InvariantCulture, $"from={from}&to={from + Hour}");
    }

    /// <summary>Second-page cursors, taken from first pages of random hour windows (the API signs them; they cannot be made up).</summary>
    static async Task<List<string>> CollectCursorsAsync(DatasetPlan plan, HttpClient http, int count, CancellationToken cancellationToken)
    {
        var random = new Random(plan.Seed);
        var cursors = new List<string>(count);
        while (cursors.Count < count)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync("/api/logs?" + HourWindow(plan, random) + "&limit=100", cancellationToken));
            if (page.RootElement.GetProperty("next_cursor").GetString() is { } cursor)
            {
                cursors.Add(cursor);
            }
        }

        return cursors;
    }
}
