using System.Globalization;
using System.Text;

namespace LogPipeline.LoadHarness;

/// <summary>Writes a run's report (Markdown), chart (SVG) and raw samples (CSV) into one folder.</summary>
public static class ReportFiles
{
    public const string Markdown = "report.md";
    public const string Chart = "chart.svg";

    public static string DefaultDirectory() =>
        Path.Combine(".artifacts", "load-harness", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>The first three figures of <c>/proc/loadavg</c> (1, 5, 15 minutes), or null where there is none.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    public static async Task WriteAsync(LoadReport report, string markdown, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Markdown), markdown, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, Chart), ReportChart.Svg(report), cancellationToken);

        var stages = new StringBuilder("at_ms,rate_index,measuring,produced,scored,stored,archived,dead_letters,scorer_lag,writer_lag,archiver_lag\n");
        foreach (var s in report.Stages)
        {
            stages.Append(CultureInfo.InvariantCulture, $"{s.AtMs},{s.Phase.RateIndex},{s.Phase.Measuring},{s.Produced},{s.Scored},{s.Stored},{s.Archived},{s.DeadLetters},{s.ScorerLag},{s.WriterLag},{s.ArchiverLag}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "stages.csv"), stages.ToString(), cancellationToken);

        var processes = new StringBuilder("at_ms,rate_index,measuring,process,cpu_percent,rss_bytes\n");
        foreach (var p in report.Processes)
        {
            processes.Append(CultureInfo.InvariantCulture, $"{p.AtMs},{p.Phase.RateIndex},{p.Phase.Measuring},{p.Process},{p.CpuPercent:F1},{p.RssBytes}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "processes.csv"), processes.ToString(), cancellationToken);

        var marked = new StringBuilder("id,rate_index,sent_at_ms,scored_ms,queryable_ms,scored_copies,lost,late,delivery_error\n");
        foreach (var m in report.Marked.OrderBy(m => m.SentAtMs))
        {
            marked.Append(CultureInfo.InvariantCulture, $"{m.Id},{m.RateIndex},{m.SentAtMs},{m.ScoredLatencyMs},{m.QueryableLatencyMs},{m.ScoredCopies},{m.Lost},{m.Late},\"{m.DeliveryError?.Replace("\"", "'", StringComparison.Ordinal)}\"\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "marked.csv"), marked.ToString(), cancellationToken);
    }
}
