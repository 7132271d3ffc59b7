using System.Globalization;
using System.Text;

namespace LogPipeline.LoadHarness;

/// <summary>The run's chart as one SVG: latency percentiles per rate, throughput per rate, lag over time, CPU over time.</summary>
public static class ReportChart
{
    static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"];

    public static string Svg(LoadReport report)
    {
        var panels = new[] { Latency(report), Throughput(report), Lag(report), Cpu(report) };
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SvgPanel.Width}\" height=\"{SvgPanel.Height * panels.Length}\" font-family=\"sans-serif\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (var i = 0; i < panels.Length; i++)
        {
            panels[i].Write(svg, i * SvgPanel.Height);
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    static SvgPanel Latency(LoadReport report)
    {
        var panel = new SvgPanel("Produce → queryable and produce → scored latency (marked records)", "target rate (logs/s)", "milliseconds");
        AddRateLabels(panel, report);
        (string Name, Func<RateResult, Percentiles> Of, Func<Percentiles, long> Value, bool Dashed)[] lines =
        [
            ("queryable p50", r => r.QueryableLatency, p => p.P50, false),
            ("queryable p90", r => r.QueryableLatency, p => p.P90, false),
            ("queryable p99", r => r.QueryableLatency, p => p.P99, false),
            ("scored p50", r => r.ScoredLatency, p => p.P50, true),
            ("scored p99", r => r.ScoredLatency, p => p.P99, true),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            panel.Series.Add(new ChartSeries(line.Name, Palette[i], [.. report.Rates.Where(r => line.Of(r).Count > 0).Select(r => ((double)r.Index, (double)line.Value(line.Of(r))))], line.Dashed));
        }

        return panel;
    }

    static SvgPanel Throughput(LoadReport report)
    {
        var panel = new SvgPanel("Throughput per stage (Kafka offsets)", "target rate (logs/s)", "logs/s");
        AddRateLabels(panel, report);
        panel.Series.Add(new ChartSeries("target", "#999", [.. report.Rates.Select(r => ((double)r.Index, r.TargetRate))], Dashed: true));
        panel.Series.Add(new ChartSeries("produced", Palette[0], [.. report.Rates.Select(r => ((double)r.Index, r.ProducedPerSecond))]));
        panel.Series.Add(new ChartSeries("scored", Palette[1], [.. report.Rates.Select(r => ((double)r.Index, r.ScoredPerSecond))]));
        panel.Series.Add(new ChartSeries("stored", Palette[2], [.. report.Rates.Select(r => ((double)r.Index, r.StoredPerSecond))]));
        panel.Series.Add(new ChartSeries("archived", Palette[3], [.. report.Rates.Select(r => ((double)r.Index, r.ArchivedPerSecond))]));
        return panel;
    }

    static SvgPanel Lag(LoadReport report)
    {
        var panel = new SvgPanel("Consumer lag per stage over time", "seconds since the start", "records not committed");
        var t0 = report.Stages.Count == 0 ? report.StartedAtMs : report.Stages[0].AtMs;
        double Seconds(long at) => (at - t0) / 1000.0;
        panel.Series.Add(new ChartSeries("scorer", Palette[0], [.. report.Stages.Select(s => (Seconds(s.AtMs), (double)s.ScorerLag))]));
        panel.Series.Add(new ChartSeries("writer", Palette[1], [.. report.Stages.Select(s => (Seconds(s.AtMs), (double)s.WriterLag))]));
        panel.Series.Add(new ChartSeries("archiver", Palette[2], [.. report.Stages.Select(s => (Seconds(s.AtMs), (double)s.ArchiverLag))], Dashed: true));
        AddPhaseMarks(panel, report, Seconds);
        return panel;
    }

    static SvgPanel Cpu(LoadReport report)
    {
        var panel = new SvgPanel("CPU per process over time (100 % = one core)", "seconds since the start", "% CPU");
        var t0 = report.Stages.Count == 0 ? report.StartedAtMs : report.Stages[0].AtMs;
        double Seconds(long at) => (at - t0) / 1000.0;
        var groups = report.Processes.GroupBy(p => p.Process, StringComparer.Ordinal).OrderByDescending(g => g.Average(p => p.CpuPercent)).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            panel.Series.Add(new ChartSeries(groups[i].Key, Palette[i % Palette.Length], [.. groups[i].Select(p => (Seconds(p.AtMs), p.CpuPercent))]));
        }

        AddPhaseMarks(panel, report, Seconds);
        return panel;
    }

    static void AddRateLabels(SvgPanel panel, LoadReport report)
    {
        foreach (var rate in report.Rates)
        {
            panel.XLabels.Add((rate.Index, rate.TargetRate.ToString("0.##", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A mark where each rate starts being measured, and where the generator was paused.</summary>
    static void AddPhaseMarks(SvgPanel panel, LoadReport report, Func<long, double> seconds)
    {
        var previous = RunPhase.Starting;
        foreach (var sample in report.Stages)
        {
            if (sample.Phase != previous)
            {
                if (sample.Phase.Measuring)
                {
                    panel.Marks.Add((seconds(sample.AtMs), report.Options.Rates[sample.Phase.RateIndex].ToString("0.##", CultureInfo.InvariantCulture) + "/s"));
                }
                else if (sample.Phase.RateIndex == report.Options.Rates.Count)
                {
                    panel.Marks.Add((seconds(sample.AtMs), "paused"));
                }

                previous = sample.Phase;
            }
        }
    }
}
