using System.Globalization;
using System.Reflection;
using System.Text;

namespace LogPipeline.LoadHarness;

/// <summary>A run's findings: per rate (<see cref="RateResult"/>), delivery (<see cref="DeliveryCheck"/>), the samples behind them, and the verdict.</summary>
public sealed record LoadReport(
    HarnessOptions Options,
    long StartedAtMs,
    string BuildConfiguration,
    IReadOnlyList<RateResult> Rates,
    DeliveryCheck Delivery,
    StageSample? Final,
    bool Drained,
    long QueryRequests,
    long QueryErrors,
    IReadOnlyList<StageSample> Stages,
    IReadOnlyList<ProcessSample> Processes,
    IReadOnlyList<MarkedRecord> Marked)
{
    /// <summary>The first rate the pipeline did not keep up with, or null.</summary>
    public RateResult? FirstNotKeepingUp => Rates.FirstOrDefault(r => !r.KeepsUp);

    public static LoadReport Create(
        HarnessOptions options, long startedAtMs, IReadOnlyList<StageSample> stages, IReadOnlyList<ProcessSample> processes,
        IReadOnlyList<MarkedRecord> marked, double? counterTotal, bool drained, long queryRequests, long queryErrors)
    {
        var rates = new List<RateResult>(options.Rates.Count);
        for (var i = 0; i < options.Rates.Count; i++)
        {
            rates.Add(Measure(i, options, stages, processes, marked));
        }

        var delivery = new DeliveryCheck(
            marked.Count,
            marked.Count(r => r.Acknowledged),
            marked.Count(r => r.QueryableLatencyMs is not null),
            marked.Count(r => r.Lost),
            marked.Count(r => r.Late),
            marked.Count(r => r.Acknowledged && r.ScoredLatencyMs is null),
            marked.Count(r => r.ScoredCopies > 1),
            counterTotal,
            drained);
        var configuration = typeof(LoadReport).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";
        return new LoadReport(options, startedAtMs, configuration, rates, delivery, stages.Count == 0 ? null : stages[^1], drained, queryRequests, queryErrors, stages, processes, marked);
    }

    static RateResult Measure(int index, HarnessOptions options, IReadOnlyList<StageSample> stages, IReadOnlyList<ProcessSample> processes, IReadOnlyList<MarkedRecord> marked)
    {
        var target = options.Rates[index];
        var measuring = new RunPhase(index, true);
        var window = stages.Where(s => s.Phase == measuring).ToList();
        var seconds = window.Count < 2 ? 0 : (window[^1].AtMs - window[0].AtMs) / 1000.0;
        double PerSecond(Func<StageSample, long> counter) => seconds <= 0 ? 0 : (counter(window[^1]) - counter(window[0])) / seconds;

        var lags = new[]
        {
            StageLag.Of("scorer", window, s => s.ScorerLag),
            StageLag.Of("writer", window, s => s.WriterLag),
            StageLag.Of("archiver", window, s => s.ArchiverLag),
        };
        var records = marked.Where(r => r.RateIndex == index).ToList();
        var figures = processes.Where(p => p.Phase == measuring)
            .GroupBy(p => p.Process, StringComparer.Ordinal)
            .Select(g => new ProcessFigure(g.Key, g.Average(p => p.CpuPercent), g.Max(p => p.CpuPercent), g.Max(p => p.RssBytes)))
            .OrderByDescending(f => f.MeanCpuPercent)
            .ToList();

        var produced = PerSecond(s => s.Produced);
        return new RateResult(
            index,
            target,
            seconds,
            produced,
            PerSecond(s => s.Scored),
            PerSecond(s => s.Stored),
            PerSecond(s => s.Archived),
            lags,
            Percentiles.Of(records.Select(r => r.ScoredLatencyMs).OfType<long>()),
            Percentiles.Of(records.Select(r => r.QueryableLatencyMs).OfType<long>()),
            records.Count,
            records.Count(r => r.Lost),
            records.Count(r => r.Late),
            records.Count(r => r.Acknowledged && r.ScoredLatencyMs is null),
            records.Count(r => r.ScoredCopies > 1),
            records.Count(r => r.DeliveryError is not null),
            figures,
            Limit(seconds, target, produced, lags, options.GrowingLagShare));
    }

    /// <summary>
    /// Why the pipeline did not keep up, or null: the generator could not produce the rate, or a stage's lag grew (the
    /// scorer's or the writer's; the archiver's lag saws up and down with its buffer, so it is shown, not judged).
    /// </summary>
    static string? Limit(double seconds, double target, double produced, IReadOnlyList<StageLag> lags, double growingShare)
    {
        if (seconds <= 0)
        {
            return "not measured (fewer than two offset samples)";
        }

        // Stages commit whole batches (up to 500 records), so a lag below two seconds of traffic or one batch is noise.
        var tolerated = Math.Max(2 * target, 500);
        var growing = lags.Where(l => l.Stage != "archiver" && l.SlopePerSecond > growingShare * target && l.End > tolerated)
            .OrderByDescending(l => l.SlopePerSecond).FirstOrDefault();
        if (growing is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{growing.Stage} (lag grew {growing.SlopePerSecond:F0} records/s, {growing.Start} → {growing.End})");
        }

        return produced < 0.9 * target
            ? string.Create(CultureInfo.InvariantCulture, $"generator (produced {produced:F0}/s of {target:F0}/s)")
            : null;
    }

    public string Verdict()
    {
        var top = Rates.Count == 0 ? null : Rates[^1];
        if (FirstNotKeepingUp is { } first)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The pipeline first stops keeping up at {first.TargetRate:0.##} logs/s: {first.Limit}. {Busiest(first)}");
        }

        return top is null
            ? "No rate was measured."
            : string.Create(CultureInfo.InvariantCulture, $"The pipeline kept up at every rate, up to {top.TargetRate:0.##} logs/s. {Busiest(top)}");
    }

    static string Busiest(RateResult rate) => rate.Processes.Count == 0
        ? "No process figures (not Linux?)."
        : string.Create(CultureInfo.InvariantCulture,
            $"Busiest process at that rate: {rate.Processes[0].Process} ({rate.Processes[0].MeanCpuPercent:F0} % of a core on average); all processes together {rate.Processes.Sum(p => p.MeanCpuPercent):F0} % of {Environment.ProcessorCount * 100} %.");

    public string ToMarkdown(string? loadAverage = null)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"## Load harness: {DateTimeOffset.FromUnixTimeMilliseconds(StartedAtMs):yyyy-MM-dd HH:mm} UTC, {BuildConfiguration} build, {Environment.ProcessorCount} cores{(loadAverage is null ? "" : ", load average " + loadAverage)}");
        md.AppendLine();
        Line($"{Options.Describe()}. Throughput from Kafka offsets (raw topic, the scorer's, writer's and archiver's committed offsets) over each measured window; latencies from marked records sent by the harness (produce → seen on logs.scored, by the scorer's message time; produce → first 200 from `GET /api/logs/{{id}}`, polled from when it was scored, every fifth of the time since, 20 ms to 2 s, at most {Options.MaxPollsPerSecond:0} requests/s in all).");
        md.AppendLine();
        md.AppendLine("| rate/s | produced/s (with marked) | scored/s | stored/s | archived/s | scorer lag start → end (trend/s) | writer lag start → end (trend/s) | archiver lag end | produce → scored ms p50 / p90 / p99 / max | produce → queryable ms p50 / p90 / p99 / max | marked (lost, late) | keeps up |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- | --- | ---: | --- |");
        foreach (var r in Rates)
        {
            Line($"| {r.TargetRate:0.##} | {r.ProducedPerSecond:F0} | {r.ScoredPerSecond:F0} | {r.StoredPerSecond:F0} | {r.ArchivedPerSecond:F0} | {LagCell(r.Lags[0])} | {LagCell(r.Lags[1])} | {r.Lags[2].End} | {LatencyCell(r.ScoredLatency)} | {LatencyCell(r.QueryableLatency)} | {r.Marked} ({r.Lost}, {r.Late}) | {(r.KeepsUp ? "yes" : "**no**: " + r.Limit)} |");
        }

        md.AppendLine();
        md.AppendLine("CPU (mean % of one core over the measured window) and peak resident memory per process:");
        md.AppendLine();
        var names = Rates.SelectMany(r => r.Processes.Select(p => p.Process)).Distinct(StringComparer.Ordinal).ToList();
        md.Append("| process |");
        foreach (var r in Rates)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $" {r.TargetRate:0.##}/s |"));
        }

        md.AppendLine();
        md.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", Rates.Count))).AppendLine();
        foreach (var name in names)
        {
            md.Append("| ").Append(name).Append(" |");
            foreach (var r in Rates)
            {
                var figure = r.Processes.FirstOrDefault(p => p.Process == name);
                md.Append(figure is null ? " – |" : string.Create(CultureInfo.InvariantCulture, $" {figure.MeanCpuPercent:F0} % / {figure.MaxRssBytes / 1048576.0:F0} MiB |"));
            }

            md.AppendLine();
        }

        md.AppendLine();
        var d = Delivery;
        Line($"Delivery{(d.Drained ? "" : " (**inconclusive**: the stages had not caught up, so records counted lost may still arrive)")}: {d.Marked} marked records sent, {d.Acknowledged} acknowledged by the broker, {d.Queryable} read back through the Query API, **{d.Lost} lost** (not readable within {Options.LostAfter.TotalSeconds:F0} s, nor after the stages caught up), {d.Late} late (readable only after that deadline, their latency not counted), {d.NeverScored} never seen on logs.scored, {d.ScoredTwice} scored more than once (redelivered; the writer stores an id once).");
        Line($"Counter of the marked route `{MarkedRecordProducer.Route}`: {(d.CounterTotal is { } total ? total.ToString("F0", CultureInfo.InvariantCulture) : "not read")} for {d.Queryable + d.Late} records read back ({(d.Doubled is { } doubled ? $"**{doubled:F0} doubled**, {d.Uncounted:F0} uncounted" : "not checked: the stages had not caught up")}).");
        if (Final is { } f)
        {
            Line($"After the run ({(Drained ? "drained: every stage caught up" : "**not drained** within the deadline")}): {f.Produced} records in logs.raw, {f.Scored} committed by the scorer, {f.Stored} by the writer, {f.Archived} by the archiver, {f.DeadLetters} dead letters. Query API polls for marked records: {QueryRequests} requests ({QueryRequests / Math.Max(1, (f.AtMs - StartedAtMs) / 1000.0):F0}/s on average; they load the Query API and DynamoDB too), {QueryErrors} errors.");
        }

        md.AppendLine();
        md.AppendLine("**" + Verdict() + "**");
        return md.ToString();
    }

    static string LagCell(StageLag lag) => string.Create(CultureInfo.InvariantCulture, $"{lag.Start} → {lag.End} ({lag.SlopePerSecond:+0;-0;0})");

    static string LatencyCell(Percentiles p) => p.Count == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{p.P50} / {p.P90} / {p.P99} / {p.Max} (n={p.Count})");
}
