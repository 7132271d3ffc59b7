using System.Globalization;
using System.Net;
using System.Text;

namespace LogPipeline.LoadHarness;

/// <summary>
/// A small hand-written SVG line chart: axes from zero with round ticks, lines with point markers, a legend, and
/// labelled vertical marks (e.g. where a rate starts). X tick labels may be given (categories) or are numbers.
/// </summary>
public sealed class SvgPanel(string title, string xLabel, string yLabel)
{
    public const int Width = 900;
    public const int Height = 300;

    const int Left = 70, Right = 180, Top = 30, Bottom = 45;

    public List<ChartSeries> Series { get; } = [];

    /// <summary>Labels at given x values instead of numeric ticks.</summary>
    public List<(double X, string Label)> XLabels { get; } = [];

    public List<(double X, string Label)> Marks { get; } = [];

    public void Write(StringBuilder svg, int offsetY)
    {
        var points = Series.SelectMany(s => s.Points).ToList();
        var xMin = points.Count == 0 ? 0 : Math.Min(0, points.Min(p => p.X));
        var xMax = NiceCeiling(Math.Max(xMin + 1, points.Count == 0 ? 1 : points.Max(p => p.X)));
        if (XLabels.Count > 0)
        {
            xMin = XLabels.Min(l => l.X) - 0.5;
            xMax = XLabels.Max(l => l.X) + 0.5;
        }

        var yMax = NiceCeiling(points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Y)));
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(double x) => Left + ((x - xMin) / (xMax - xMin) * plotWidth);
        double Y(double y) => offsetY + Top + plotHeight - (y / yMax * plotHeight);
        void Append(FormattableString text) => svg.Append(text.ToString(CultureInfo.InvariantCulture));

        Append($"<text x=\"{Left}\" y=\"{offsetY + 18}\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n");
        for (var i = 0; i <= 4; i++)
        {
            var value = yMax * i / 4;
            Append($"<line x1=\"{Left}\" y1=\"{Y(value):F1}\" x2=\"{Width - Right}\" y2=\"{Y(value):F1}\" stroke=\"#ddd\"/>");
            Append($"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:F1}\" font-size=\"11\" text-anchor=\"end\">{Number(value)}</text>\n");
        }

        var xTicks = XLabels.Count > 0 ? XLabels : [.. Enumerable.Range(0, 6).Select(i => xMin + ((xMax - xMin) * i / 5)).Select(x => (x, Number(x)))];
        foreach (var (x, label) in xTicks)
        {
            Append($"<text x=\"{X(x):F1}\" y=\"{offsetY + Top + plotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\">{Escape(label)}</text>\n");
        }

        Append($"<line x1=\"{Left}\" y1=\"{offsetY + Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{offsetY + Top + plotHeight}\" stroke=\"#333\"/>");
        Append($"<line x1=\"{Left}\" y1=\"{offsetY + Top}\" x2=\"{Left}\" y2=\"{offsetY + Top + plotHeight}\" stroke=\"#333\"/>\n");
        Append($"<text x=\"{Left + (plotWidth / 2):F0}\" y=\"{offsetY + Height - 8}\" font-size=\"12\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        Append($"<text x=\"14\" y=\"{offsetY + Top + (plotHeight / 2):F0}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {offsetY + Top + (plotHeight / 2):F0})\">{Escape(yLabel)}</text>\n");

        foreach (var (x, label) in Marks)
        {
            Append($"<line x1=\"{X(x):F1}\" y1=\"{offsetY + Top}\" x2=\"{X(x):F1}\" y2=\"{offsetY + Top + plotHeight}\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>");
            Append($"<text x=\"{X(x) + 3:F1}\" y=\"{offsetY + Top + 10}\" font-size=\"10\" fill=\"#666\">{Escape(label)}</text>\n");
        }

        for (var s = 0; s < Series.Count; s++)
        {
            var series = Series[s];
            if (series.Points.Count > 0)
            {
                var path = string.Join(" ", series.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):F1},{Y(p.Y):F1}")));
                Append($"<polyline fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"{(series.Dashed ? " stroke-dasharray=\"6,4\"" : "")} points=\"{path}\"/>\n");
                if (series.Points.Count <= 20)
                {
                    foreach (var p in series.Points)
                    {
                        Append($"<circle cx=\"{X(p.X):F1}\" cy=\"{Y(p.Y):F1}\" r=\"3\" fill=\"{series.Color}\"/>");
                    }
                }
            }

            var legendY = offsetY + Top + 8 + (s * 16);
            Append($"<line x1=\"{Width - Right + 12}\" y1=\"{legendY}\" x2=\"{Width - Right + 32}\" y2=\"{legendY}\" stroke=\"{series.Color}\" stroke-width=\"2\"{(series.Dashed ? " stroke-dasharray=\"6,4\"" : "")}/>");
            Append($"<text x=\"{Width - Right + 36}\" y=\"{legendY + 4}\" font-size=\"11\">{Escape(series.Name)}</text>\n");
        }
    }

    static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    static string Number(double value) => value >= 10_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k" : value.ToString("0.##", CultureInfo.InvariantCulture);

    static string Escape(string text) => WebUtility.HtmlEncode(text);
}
