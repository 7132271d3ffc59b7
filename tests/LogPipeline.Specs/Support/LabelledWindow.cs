using System.Globalization;
using System.Text.Json.Nodes;

namespace LogPipeline.Specs.Support;

/// <summary>
/// The detection oracle, from the outside: every record the generator sent in one scenario's time window, read back
/// through the Query API, each with the generator's label (<c>injected_anomaly</c>: the anomaly kind, or none for
/// normal traffic) and the scorer's stored verdict (<c>is_anomaly</c>). Hand-made logs (<c>specs-</c> ids) are not
/// the generator's and are left out.
/// </summary>
public sealed class LabelledWindow
{
    const string LabelField = "injected_anomaly";
    const string VerdictField = "is_anomaly";

    LabelledWindow(long from, long to, IReadOnlyList<JsonObject> logs)
    {
        From = from;
        To = to;
        Logs = logs;
    }

    public long From { get; }

    public long To { get; }

    public IReadOnlyList<JsonObject> Logs { get; }

    /// <summary>Records the generator labelled <paramref name="kind"/>.</summary>
    public int Labelled(string kind) => Logs.Count(l => Label(l) == kind);

    /// <summary>Records labelled <paramref name="kind"/> that the scorer flagged.</summary>
    public int FlaggedOf(string kind) => Logs.Count(l => Label(l) == kind && Flagged(l));

    /// <summary>Records the generator sent as normal traffic (no label).</summary>
    public int Normal => Logs.Count(l => Label(l) is null);

    /// <summary>Normal records the scorer flagged: false positives.</summary>
    public int FlaggedNormal => Logs.Count(l => Label(l) is null && Flagged(l));

    /// <summary>Records with any anomaly label that the scorer flagged: true positives.</summary>
    public int FlaggedInjected => Logs.Count(l => Label(l) is not null && Flagged(l));

    /// <summary>
    /// Reads the generator's records with timestamps in [<paramref name="from"/>, <paramref name="to"/>] once
    /// <paramref name="complete"/> accepts them and two reads a second apart find the same records (the pipeline has
    /// stored everything of the window).
    /// </summary>
    public static async Task<LabelledWindow> ReadAsync(QueryApiClient query, long from, long to, Func<LabelledWindow, bool> complete, string what, TimeSpan timeout)
    {
        var previous = -1;
        return await Eventually.UntilAsync(
            async ct =>
            {
                var logs = await query.ListLogsAsync(from, to, null, ct);
                return new LabelledWindow(from, to, [.. logs.Where(l => !SentLogs.Id(l).StartsWith("specs-", StringComparison.Ordinal))]);
            },
            window =>
            {
                var stable = window.Logs.Count == previous;
                previous = window.Logs.Count;
                return stable && complete(window);
            },
            timeout,
            what,
            window => window.Summary(),
            TimeSpan.FromSeconds(1));
    }

    public string Summary() =>
        $"{Logs.Count} records from {From} to {To} ms: {Normal} normal ({FlaggedNormal} flagged); " +
        string.Join(", ", Logs.Select(Label).OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(k => $"{k} {FlaggedOf(k)}/{Labelled(k)} flagged"));

    /// <summary>For a failing scenario: each labelled record's score against the threshold it met, and the normal records' scores.</summary>
    public string DescribeScores()
    {
        var lines = Logs.Where(l => Label(l) is not null).Select(l =>
            $"  {Label(l)}: {l["path"]} {l["status_code"]} {l["response_time"]}s from {l["ip_address"]}: score {l["anomaly_score"]}, threshold {l["threshold"]}, flagged {Flagged(l)}{(l["explanation"] is { } why ? $" ({why})" : "")}").ToList();
        var normal = Logs.Where(l => Label(l) is null).Select(l => l["anomaly_score"]!.GetValue<double>()).Order().ToList();
        if (normal.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  normal records: {normal.Count}, median score {normal[normal.Count / 2]:F3}, p99 {normal[(int)(normal.Count * 0.99)]:F3}"));
        }

        return string.Join("\n", lines);
    }

    static string? Label(JsonObject log) => log[LabelField]?.GetValue<string>();

    static bool Flagged(JsonObject log) => log[VerdictField]!.GetValue<bool>();
}
