using LogPipeline.DetectionEvaluator;

namespace LogPipeline.DetectionEvaluator.Tests;

public class DetectionReportTests
{
    static int _ids;

    static LabelledVerdict Verdict(string? label, bool flagged, bool inBurst = false, int status = 200) =>
        new($"id-{Interlocked.Increment(ref _ids)}", 1, label, inBurst, flagged, flagged ? 2.5 : 0.7, 1.5, status);

    static IEnumerable<LabelledVerdict> Repeat(int count, Func<LabelledVerdict> make) => Enumerable.Range(0, count).Select(_ => make());

    [Fact]
    public void PrecisionRecallAndF1CountEveryLabelAgainstEveryVerdict()
    {
        // 10 latency spikes alone (8 caught), 20 in a burst (all caught); 4 unusual clients alone (1 caught);
        // 1000 normal records of which 6 are flagged (2 of them server errors).
        var report = DetectionReport.From([
            .. Repeat(8, () => Verdict("latency_spike", true)),
            .. Repeat(2, () => Verdict("latency_spike", false)),
            .. Repeat(20, () => Verdict("latency_spike", true, inBurst: true)),
            .. Repeat(1, () => Verdict("unusual_ip", true)),
            .. Repeat(3, () => Verdict("unusual_ip", false)),
            .. Repeat(4, () => Verdict(null, true)),
            .. Repeat(2, () => Verdict(null, true, status: 503)),
            .. Repeat(994, () => Verdict(null, false)),
        ]);

        Assert.Equal(new Figures(34, 29, 6, 1000), report.Overall);
        Assert.Equal(29.0 / 34, report.Overall.Recall!.Value, 10);
        Assert.Equal(29.0 / 35, report.Overall.Precision!.Value, 10);
        Assert.Equal(2 * (29.0 / 34) * (29.0 / 35) / ((29.0 / 34) + (29.0 / 35)), report.Overall.F1!.Value, 10);
        Assert.Equal(0.006, report.Overall.NormalFlaggedShare!.Value, 10);
        Assert.Equal(new Figures(14, 9, 6, 1000), report.Isolated);
        Assert.Equal(new Figures(20, 20, 6, 1000), report.Bursts);

        var spikes = report.Kinds.Single(k => k.Kind == "latency_spike");
        Assert.Equal(0.8, spikes.Isolated.Recall!.Value, 10);
        Assert.Equal(8.0 / 14, spikes.Isolated.Precision!.Value, 10);
        Assert.Equal(1.0, spikes.Bursts.Recall!.Value, 10);
        var strangers = report.Kinds.Single(k => k.Kind == "unusual_ip");
        Assert.Equal(0.25, strangers.Isolated.Recall!.Value, 10);
        Assert.Null(strangers.Bursts.Recall);
        Assert.Equal(0, report.Kinds.Single(k => k.Kind == "path_scan").All.Injected);
        Assert.Equal(2, report.FlaggedNormalByStatus["5xx"]);
        Assert.Equal(4, report.FlaggedNormalByStatus["2xx"]);
    }

    [Fact]
    public void TheTableHasARowPerKindIsolatedAndInBursts()
    {
        var report = DetectionReport.From([Verdict("path_scan", true, inBurst: true), Verdict("error_burst", false), Verdict(null, false)]);

        var table = report.ToMarkdown();

        foreach (var kind in new[] { "latency_spike", "error_burst", "path_scan", "unusual_ip" })
        {
            Assert.Contains($"| {kind}, isolated |", table, StringComparison.Ordinal);
            Assert.Contains($"| {kind}, in bursts |", table, StringComparison.Ordinal);
        }

        Assert.Contains("| path_scan, in bursts | 1 | 1 | 1.00 | 1.00 | 1.00 |", table, StringComparison.Ordinal);
        Assert.Contains("| error_burst, isolated | 1 | 0 | 0.00 | – | – |", table, StringComparison.Ordinal);
        Assert.Contains("0 of 1 records flagged", table, StringComparison.Ordinal);
    }
}
