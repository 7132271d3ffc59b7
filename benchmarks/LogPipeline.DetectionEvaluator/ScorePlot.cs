using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// An SVG strip plot of the anomaly scores by kind: normal traffic, then each kind isolated and in bursts; one dot
/// per record (flagged in red), the median threshold in force as a dashed line, and each column's recall (or, for
/// normal traffic, the share flagged) under it.
/// </summary>
public static class ScorePlot
{
    const int Width = 960, Height = 420, Left = 56, Right = 16, Top = 36, Bottom = 92;
    const int MaxDotsPerColumn = 2_500;
    const string Flagged = "#d62728", Passed = "#1f77b4";

    public static void Write(DetectionReport report, string title, string path)
    {
        var columns = new List<(string Kind, string Slice, IReadOnlyList<LabelledVerdict> Records, string Caption)>
        {
            ("normal", "traffic", [.. report.Verdicts.Where(v => v.Label is null)], "flagged " + Percent(report.Overall.NormalFlaggedShare)),
        };
        foreach (var kind in report.Kinds)
        {
            columns.Add((kind.Kind, "isolated", [.. report.Verdicts.Where(v => v.Label == kind.Kind && !v.InBurst)], "recall " + Ratio(kind.Isolated.Recall)));
            columns.Add((kind.Kind, "bursts", [.. report.Verdicts.Where(v => v.Label == kind.Kind && v.InBurst)], "recall " + Ratio(kind.Bursts.Recall)));
        }

        var scores = report.Verdicts.Select(v => v.Score).Order().ToList();
        var top = scores.Count == 0 ? 3 : Math.Clamp(Math.Ceiling(scores[(int)(scores.Count * 0.999)]), 3, 8);
        var thresholds = report.Verdicts.Select(v => v.Threshold).Where(t => t > 0).Order().ToList();
        var plotHeight = Height - Top - Bottom;
        double Y(double score) => Top + plotHeight * (1 - (Math.Min(score, top) / top));
        var columnWidth = (Width - Left - Right) / (double)columns.Count;

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="11">"""));
        svg.AppendLine(Invariant($"""<rect width="{Width}" height="{Height}" fill="white"/>"""));
        svg.AppendLine(Invariant($"""<text x="{Left}" y="20" font-size="14">{Escape(title)}</text>"""));
        for (var tick = 0; tick <= top; tick++)
        {
            svg.AppendLine(Invariant($"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(tick):F1}" y2="{Y(tick):F1}" stroke="#eee"/><text x="{Left - 6}" y="{Y(tick) + 4:F1}" text-anchor="end">{tick}</text>"""));
        }

        svg.AppendLine(Invariant($"""<text transform="translate(14 {Top + (plotHeight / 2)}) rotate(-90)" text-anchor="middle">anomaly score</text>"""));
        for (var c = 0; c < columns.Count; c++)
        {
            var (kind, slice, records, caption) = columns[c];
            var centre = Left + (columnWidth * (c + 0.5));
            var stride = Math.Max(1, records.Count / MaxDotsPerColumn);
            for (var i = 0; i < records.Count; i += stride)
            {
                // Deterministic jitter from the record's position, so the same data draw the same picture.
                var jitter = ((((i * 2654435761L) >> 8) % 1000) / 1000.0 - 0.5) * columnWidth * 0.7;
                var record = records[i];
                svg.AppendLine(Invariant($"""<circle cx="{centre + jitter:F1}" cy="{Y(record.Score):F1}" r="1.6" fill="{(record.Flagged ? Flagged : Passed)}" fill-opacity="0.55"/>"""));
            }

            var label = Height - Bottom + 16;
            svg.AppendLine(Invariant($"""<text x="{centre:F1}" y="{label}" text-anchor="middle">{Escape(kind)}</text>"""));
            svg.AppendLine(Invariant($"""<text x="{centre:F1}" y="{label + 14}" text-anchor="middle">{Escape(slice)} ({records.Count})</text>"""));
            svg.AppendLine(Invariant($"""<text x="{centre:F1}" y="{label + 28}" text-anchor="middle" fill="#555">{Escape(caption)}</text>"""));
        }

        if (thresholds.Count > 0)
        {
            var threshold = thresholds[thresholds.Count / 2];
            svg.AppendLine(Invariant($"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(threshold):F1}" y2="{Y(threshold):F1}" stroke="#333" stroke-dasharray="5 4"/>"""));
            svg.AppendLine(Invariant($"""<text x="{Width - Right}" y="{Y(threshold) - 4:F1}" text-anchor="end">median threshold {threshold:F2}</text>"""));
        }

        svg.AppendLine(Invariant($"""<text x="{Left}" y="{Height - 8}" fill="#555"><tspan fill="{Flagged}">●</tspan> flagged   <tspan fill="{Passed}">●</tspan> not flagged   (scores above {top} drawn at {top})</text>"""));
        svg.AppendLine("</svg>");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, svg.ToString());
    }

    static string Escape(string text) => new XText(text).ToString();

    static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "–";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
