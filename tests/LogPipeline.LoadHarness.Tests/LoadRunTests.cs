using System.Xml.Linq;

namespace LogPipeline.LoadHarness.Tests;

/// <summary>
/// A CI-sized load run: the whole app, one low rate for a few seconds. It checks that the harness accounts for what
/// really happened (every marked record sent, seen scored and read back; the stages' offsets agree; the counter counts
/// each once; the report and the chart are written), not how fast the pipeline is.
/// </summary>
public class LoadRunTests(ITestOutputHelper output)
{
    static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task AFewSecondsAtALowRateAccountForEveryMarkedRecord()
    {
        var options = new HarnessOptions
        {
            Rates = [50],
            Warmup = TimeSpan.FromSeconds(3),
            Duration = TimeSpan.FromSeconds(8),
            MarkedPerSecond = 10,
            LostAfter = TimeSpan.FromMinutes(3),
        };
        using var timeout = new CancellationTokenSource(RunTimeout);
        var log = new StringWriter();
        LoadReport report;
        try
        {
            await using var app = await LoadApp.StartAsync(log, [], timeout.Token).WaitAsync(RunTimeout);
            report = await LoadRun.RunAsync(app, options, log, timeout.Token).WaitAsync(RunTimeout);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        var markdown = report.ToMarkdown();
        output.WriteLine(markdown);

        // Every marked record was sent during the measured window, acknowledged, scored and read back once.
        var rate = Assert.Single(report.Rates);
        Assert.InRange(rate.Marked, 40, 100);
        Assert.Equal(rate.Marked, report.Delivery.Marked);
        Assert.Equal(report.Delivery.Marked, report.Delivery.Acknowledged);
        Assert.Equal(report.Delivery.Marked, report.Delivery.Queryable);
        Assert.Equal(0, report.Delivery.Lost);
        Assert.Equal(0, report.Delivery.Late);
        Assert.Equal(0, report.Delivery.NeverScored);
        Assert.Equal(rate.Marked, rate.QueryableLatency.Count);
        Assert.Equal(rate.Marked, rate.ScoredLatency.Count);
        Assert.True(rate.ScoredLatency.P50 <= rate.QueryableLatency.P50, "a record is read back only after it is scored");
        Assert.Equal(report.Delivery.Marked, report.Marked.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());

        // The writer's counter of the marked route counts each read-back record exactly once.
        Assert.Equal(report.Delivery.Queryable, report.Delivery.CounterTotal);
        Assert.Equal(0, report.Delivery.Doubled);

        // After the drain the offsets agree: everything produced was scored and stored (none of it is invalid; a
        // redelivered batch may be scored twice, never stored less).
        Assert.True(report.Drained, "the stages caught up after the generator was paused");
        var final = Assert.IsType<StageSample>(report.Final);
        Assert.Equal(0, final.DeadLetters);
        Assert.True(final.Produced >= (options.Rates[0] * options.Duration.TotalSeconds) + rate.Marked, $"produced {final.Produced}");
        Assert.Equal(final.Produced, final.Scored);
        Assert.True(final.Stored >= final.Produced, $"stored {final.Stored} of {final.Produced}");

        // The window was measured from the offsets and the processes were found by their pids.
        Assert.InRange(rate.MeasuredSeconds, 5, 12);
        Assert.InRange(rate.ProducedPerSecond, 30, 150);
        Assert.Contains(rate.Processes, p => p.Process == "writer" && p.MaxRssBytes > 0);
        Assert.Contains(rate.Processes, p => p.Process == "scorer" && p.MaxRssBytes > 0);
        Assert.Contains(rate.Processes, p => p.Process == "dynamodb" && p.MaxRssBytes > 0);

        // The report's table has the rate's row, and the chart is one well-formed SVG with its four panels.
        Assert.Contains("| 50 | ", markdown, StringComparison.Ordinal);
        var directory = Path.Combine(Path.GetTempPath(), "load-harness-" + Guid.NewGuid().ToString("N"));
        await ReportFiles.WriteAsync(report, markdown, directory, timeout.Token);
        var svg = XDocument.Load(Path.Combine(directory, ReportFiles.Chart));
        Assert.Equal(4, svg.Descendants().Count(e => e.Name.LocalName == "text" && e.Attribute("font-weight")?.Value == "bold"));
        Assert.True(File.ReadAllLines(Path.Combine(directory, "marked.csv")).Length == rate.Marked + 1);
        Directory.Delete(directory, recursive: true);
    }
}
