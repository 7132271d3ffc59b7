using System.Globalization;
using System.Text;

namespace LogPipeline.Nab;

/// <summary>Detection reports as a Markdown table, one row per series and a total.</summary>
public static class NabTable
{
    public static string Render(IReadOnlyList<DetectionReport> reports)
    {
        var table = new StringBuilder()
            .AppendLine("| series | points | windows hit | flagged outside windows | flagged |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var report in reports)
        {
            Row(table, report, bold: false);
        }

        Row(table, DetectionReport.Total(reports), bold: true);
        return table.ToString();
    }

    private static void Row(StringBuilder table, DetectionReport report, bool bold)
    {
        var mark = bold ? "**" : string.Empty;
        table.AppendLine(CultureInfo.InvariantCulture, $"| {mark}{report.Series}{mark} | {report.Points:N0} | {mark}{report.WindowsHit} / {report.Windows}{mark} | {mark}{report.FlaggedOutsideWindows:N0}{mark} | {report.Flagged:N0} |");
    }
}
