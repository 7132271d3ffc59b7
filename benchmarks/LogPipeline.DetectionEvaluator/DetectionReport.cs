using System.Globalization;
using System.Text;
using LogPipeline.Generator.Traffic;

namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// The judge: the generator's labels against the stored verdicts. Precision, recall and F1 overall, isolated,
/// in bursts and per kind; the share of normal traffic flagged; and what the flagged normal records were.
/// </summary>
public sealed class DetectionReport
{
    DetectionReport(IReadOnlyList<LabelledVerdict> verdicts)
    {
        Verdicts = verdicts;
        var normal = verdicts.Where(v => v.Label is null).ToList();
        Normal = normal.Count;
        NormalFlagged = normal.Count(v => v.Flagged);
        Overall = Count(verdicts.Where(v => v.Label is not null));
        Isolated = Count(verdicts.Where(v => v.Label is not null && !v.InBurst));
        Bursts = Count(verdicts.Where(v => v.Label is not null && v.InBurst));
        Kinds = [.. AnomalyLabels.Injectable.Select(AnomalyLabels.Label).Select(kind => new KindFigures(
            kind,
            Count(verdicts.Where(v => v.Label == kind && !v.InBurst)),
            Count(verdicts.Where(v => v.Label == kind && v.InBurst)),
            Count(verdicts.Where(v => v.Label == kind))))];
        FlaggedNormalByStatus = normal.Where(v => v.Flagged)
            .GroupBy(v => StatusClass(v.StatusCode))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        NormalByStatus = normal.GroupBy(v => StatusClass(v.StatusCode))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public IReadOnlyList<LabelledVerdict> Verdicts { get; }

    public long Normal { get; }

    public long NormalFlagged { get; }

    public Figures Overall { get; }

    public Figures Isolated { get; }

    public Figures Bursts { get; }

    public IReadOnlyList<KindFigures> Kinds { get; }

    /// <summary>Flagged normal records by status class (2xx, 3xx, 4xx, 5xx): the generator's own 0.2% server errors are normal traffic.</summary>
    public IReadOnlyDictionary<string, int> FlaggedNormalByStatus { get; }

    public IReadOnlyDictionary<string, int> NormalByStatus { get; }

    public static DetectionReport From(IReadOnlyList<LabelledVerdict> verdicts) => new(verdicts);

    /// <summary>The table, as Markdown (it reads as plain text in a terminal too).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| slice | anomalies | caught | recall | precision | F1 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Row(text, "**all anomalies**", Overall, bold: true);
        Row(text, "isolated", Isolated);
        Row(text, "in bursts", Bursts);
        foreach (var kind in Kinds)
        {
            Row(text, $"{kind.Kind}, isolated", kind.Isolated);
            Row(text, $"{kind.Kind}, in bursts", kind.Bursts);
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Normal traffic: {NormalFlagged} of {Normal} records flagged ({Percent(Overall.NormalFlaggedShare, 3)})."));
        text.AppendLine("Flagged normal records by status: " + string.Join(", ", NormalByStatus.Keys.Order(StringComparer.Ordinal)
            .Select(s => Invariant($"{s} {FlaggedNormalByStatus.GetValueOrDefault(s)} of {NormalByStatus[s]}"))) + ".");
        return text.ToString();
    }

    static void Row(StringBuilder text, string name, Figures figures, bool bold = false)
    {
        string B(string value) => bold ? $"**{value}**" : value;
        text.AppendLine(Invariant($"| {name} | {figures.Injected} | {figures.Caught} | {B(Ratio(figures.Recall))} | {B(Ratio(figures.Precision))} | {B(Ratio(figures.F1))} |"));
    }

    Figures Count(IEnumerable<LabelledVerdict> anomalies)
    {
        long injected = 0, caught = 0;
        foreach (var verdict in anomalies)
        {
            injected++;
            caught += verdict.Flagged ? 1 : 0;
        }

        return new Figures(injected, caught, NormalFlagged, Normal);
    }

    static string StatusClass(int status) => (status / 100).ToString(CultureInfo.InvariantCulture) + "xx";

    static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    static string Percent(double? value, int decimals) => value is { } v ? (v * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + " %" : "–";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
