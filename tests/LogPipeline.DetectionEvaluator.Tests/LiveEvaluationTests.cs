using System.Xml.Linq;
using LogPipeline.DetectionEvaluator;

namespace LogPipeline.DetectionEvaluator.Tests;

/// <summary>
/// A CI-sized evaluation: the whole app for a minute of judged traffic at the default rate with one burst of each
/// kind. It checks that the evaluator accounts for what really happened (every burst record found and attributed,
/// every record the generator sent judged once, figures that follow from the verdicts), not how good detection is.
/// </summary>
public class LiveEvaluationTests(ITestOutputHelper output)
{
    static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task AMinuteOfTheAppsTrafficIsJudgedRecordByRecordFromTheQueryApi()
    {
        var plot = Path.Combine(Path.GetTempPath(), $"detection-{Guid.NewGuid():N}.svg");
        var options = new EvaluationOptions
        {
            WarmUp = TimeSpan.FromSeconds(20),
            Duration = TimeSpan.FromSeconds(60),
            BurstInterval = TimeSpan.FromSeconds(15),
            BurstSize = 20,
            PlotPath = plot,
        };
        using var timeout = new CancellationTokenSource(RunTimeout);
        var log = new StringWriter();

        EvaluationResult result;
        try
        {
            result = await LiveEvaluation.RunAsync(options, log, timeout.Token).WaitAsync(RunTimeout);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        var report = result.Report;
        output.WriteLine(report.ToMarkdown());
        ScorePlot.Write(report, "CI run", plot);

        // One burst of each kind, each found whole among the stored records and told apart from isolated ones.
        Assert.Equal(["latency_spike", "error_burst", "path_scan", "unusual_ip"], result.Bursts.Select(b => b.Kind));
        foreach (var burst in result.Bursts)
        {
            Assert.Equal(burst.Count, report.Verdicts.Count(v => v.InBurst && burst.Contains(v.Label, v.Timestamp)));
        }

        Assert.Equal(result.Bursts.Sum(b => b.Count), report.Bursts.Injected);

        // Every record the generator sent in the window is judged once: the default 20 logs/s for 60 s, plus the bursts.
        var ids = report.Verdicts.Select(v => v.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(report.Verdicts, v => Assert.InRange(v.Timestamp, result.From, result.To));
        Assert.InRange(report.Verdicts.Count, result.Sent - 40, result.Sent + 40);
        var expected = (result.RatePerSecond * options.Duration.TotalSeconds) + report.Bursts.Injected;
        Assert.InRange(report.Verdicts.Count, expected * 0.9, expected * 1.1);

        // The figures follow from the verdicts, counted here independently.
        var labelled = report.Verdicts.Where(v => v.Label is not null).ToList();
        Assert.Equal(labelled.Count, report.Overall.Injected);
        Assert.Equal(labelled.Count(v => v.Flagged), report.Overall.Caught);
        Assert.Equal(report.Verdicts.Count(v => v.Label is null && v.Flagged), report.NormalFlagged);
        Assert.Equal(report.Overall.Injected, report.Kinds.Sum(k => k.Isolated.Injected + k.Bursts.Injected));
        Assert.All(report.Verdicts, v => Assert.Equal(v.Score > v.Threshold, v.Flagged));
        Assert.All(report.Kinds, k => Assert.True(k.Bursts.Recall is >= 0 and <= 1, $"{k.Kind}: recall {k.Bursts.Recall}"));

        // The plot has a column per kind, isolated and in bursts, and a dot for every labelled record.
        var svg = XDocument.Load(plot);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("normal", texts);
        Assert.Contains(texts, t => t.StartsWith("bursts (20)", StringComparison.Ordinal));
        Assert.True(svg.Descendants().Count(e => e.Name.LocalName == "circle") >= labelled.Count);
        File.Delete(plot);
    }
}
