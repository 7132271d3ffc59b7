using System.Globalization;
using System.Text;
using System.Text.Json;
using LogPipeline.QueryApi.Benchmarks.Dataset;
using LogPipeline.QueryApi.Benchmarks.Load;

namespace LogPipeline.QueryApi.Benchmarks.Reporting;

/// <summary>Writes the results as a Markdown table (also printed), JSON, and an SVG chart of p50 and p99 per scenario.</summary>
static class ResultsReport
{
    public static string Markdown(DatasetPlan plan, HarnessOptions options, IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Query API latency, {plan.Items:N0} logs in DynamoDB Local ({plan.Hours} h, {options.Requests} requests per scenario after {options.WarmUp} warm-up, concurrency {options.Concurrency}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine("| scenario | request | n | p50 ms | p90 ms | p99 ms | max ms | req/s | mean bytes | errors |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var l = r.Latency;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario.Name} | `{r.Scenario.Example}` | {l.Count} | {l.P50:F1} | {l.P90:F1} | {l.P99:F1} | {l.Max:F1} | {r.RequestsPerSecond:F0} | {r.MeanResponseBytes:N0} | {r.Errors} |");
        }

        return text.ToString();
    }

    public static void Write(string directory, DatasetPlan plan, HarnessOptions options, IReadOnlyList<ScenarioResult> results)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "results.md"), Markdown(plan, options, results));
        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(new
        {
            plan.Items,
            plan.Hours,
            options.Requests,
            options.WarmUp,
            options.Concurrency,
            Environment.ProcessorCount,
            Date = DateTime.UtcNow,
            Scenarios = results.Select(r => new { r.Scenario.Name, r.Scenario.Example, r.Latency, r.RequestsPerSecond, r.Errors, r.FirstError }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(directory, "latency.svg"), Chart(plan, options, results));
    }

    /// <summary>Horizontal bars on a log scale: p50 dark, p99 light behind it.</summary>
    public static string Chart(DatasetPlan plan, HarnessOptions options, IReadOnlyList<ScenarioResult> results)
    {
        const int labelWidth = 210, plotWidth = 520, rowHeight = 26, top = 46, right = 60;
        var minMs = 1.0;
        var maxMs = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(10, results.Max(r => double.IsNaN(r.Latency.P99) ? 0 : r.Latency.P99)))));
        double X(double ms) => labelWidth + (plotWidth * (Math.Log10(Math.Max(ms, minMs)) - Math.Log10(minMs)) / (Math.Log10(maxMs) - Math.Log10(minMs)));
        var height = top + (results.Count * rowHeight) + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{labelWidth + plotWidth + right}" height="{height}" font-family="sans-serif" font-size="12">""");
        svg.Append("""<rect width="100%" height="100%" fill="white"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="20" font-size="14" font-weight="bold">Query API latency, {plan.Items:N0} logs in DynamoDB Local (ms, log scale)</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="36" fill="#555">dark: p50, light: p99; {options.Requests} requests per scenario, concurrency {options.Concurrency}</text>""");
        for (var tick = minMs; tick <= maxMs; tick *= 10)
        {
            var x = X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x:F1}" y1="{top - 4}" x2="{x:F1}" y2="{height - 30}" stroke="#ddd"/><text x="{x:F1}" y="{height - 14}" text-anchor="middle" fill="#555">{tick:G}</text>""");
        }

        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var y = top + (i * rowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth - 8}" y="{y + 15}" text-anchor="end">{Escape(r.Scenario.Name)}</text>""");
            if (r.Latency.Count == 0)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{labelWidth}" y="{y + 3}" width="{X(r.Latency.P99) - labelWidth:F1}" height="16" fill="#9ecae1"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{labelWidth}" y="{y + 3}" width="{X(r.Latency.P50) - labelWidth:F1}" height="16" fill="#2171b5"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{X(r.Latency.P99) + 4:F1}" y="{y + 15}" fill="#333">{r.Latency.P50:F0} / {r.Latency.P99:F0}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
