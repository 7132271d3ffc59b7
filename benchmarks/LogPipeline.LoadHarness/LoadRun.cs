using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;

namespace LogPipeline.LoadHarness;

/// <summary>
/// The harness's core: against a running app, sets each rate in turn on the generator, lets it settle, then measures
/// it while sending marked records of its own; samples offsets, lag and processes every second throughout; at the
/// end pauses the generator, waits for the stages to drain and every marked record to be read back or declared
/// lost, and checks the writer's counter of the marked records' route.
/// </summary>
public sealed class LoadRun
{
    static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    static readonly TimeSpan CounterSettle = TimeSpan.FromSeconds(15);

    readonly LoadApp _app;
    readonly HarnessOptions _options;
    readonly TextWriter _log;
    readonly List<StageSample> _stages = [];
    readonly List<ProcessSample> _processes = [];
    readonly Lock _gate = new();
    RunPhase _phase = RunPhase.Starting;

    LoadRun(LoadApp app, HarnessOptions options, TextWriter log)
    {
        _app = app;
        _options = options;
        _log = log;
    }

    public static Task<LoadReport> RunAsync(LoadApp app, HarnessOptions options, TextWriter log, CancellationToken cancellationToken) =>
        new LoadRun(app, options, log).RunAsync(cancellationToken);

    async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var idPrefix = $"load-{runId}-";
        var kafka = StageOffsets.Configuration(_app.KafkaBootstrap);
        var marked = new ConcurrentDictionary<string, MarkedRecord>(StringComparer.Ordinal);
        var startedAt = Clock.NowMs();

        using var generator = new GeneratorRate(_app.CreateClient("generator"));
        using var query = _app.CreateQueryClient();
        using var offsets = new StageOffsets(kafka);
        using var watcher = new ScoredWatcher(kafka, $"load-harness-{runId}", idPrefix, marked);
        using var producer = new MarkedRecordProducer(kafka, idPrefix, marked);
        var poller = new QueryablePoller(query, _options.LostAfter, _options.MaxPollsPerSecond);
        var processes = new ProcessSampler(_app.ProcessIds(), _app.ProjectDirectories());

        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = SampleAsync(offsets, processes, stopSampling.Token);
        try
        {
            for (var i = 0; i < _options.Rates.Count; i++)
            {
                var rate = _options.Rates[i];
                await generator.SetAsync(rate, cancellationToken);
                SetPhase(new RunPhase(i, false));
                await ProgressAsync($"rate {Rate(rate)}/s warming up", Clock.NowMs() + (long)_options.Warmup.TotalMilliseconds, marked, cancellationToken);

                SetPhase(new RunPhase(i, true));
                var until = Clock.NowMs() + (long)_options.Duration.TotalMilliseconds;
                var index = i;
                var sending = Task.Run(() => producer.SendAsync(index, _options.MarkedPerSecond, until, record => poller.Track(record, cancellationToken), cancellationToken), cancellationToken);
                await ProgressAsync($"rate {Rate(rate)}/s measuring", until, marked, cancellationToken);
                await sending;
            }

            await generator.SetAsync(0, cancellationToken);
            SetPhase(new RunPhase(_options.Rates.Count, false));
            producer.Flush();
            _log.WriteLine("generator paused; waiting for the stages to drain and every marked record to be read back or declared lost");
            var drained = await DrainAsync(cancellationToken);
            await poller.CompletionAsync().WaitAsync(_options.LostAfter + TimeSpan.FromMinutes(1), cancellationToken);
            await poller.RecheckLostAsync(marked.Values, cancellationToken);
            var counter = await CounterTotalAsync(query, marked.Values, cancellationToken);
            await stopSampling.CancelAsync();
            await sampling;

            List<StageSample> stages;
            List<ProcessSample> processSamples;
            lock (_gate)
            {
                stages = [.. _stages];
                processSamples = [.. _processes];
            }

            return LoadReport.Create(_options, startedAt, stages, processSamples, [.. marked.Values], counter, drained, poller.RequestsSent, poller.Errors);
        }
        finally
        {
            await stopSampling.CancelAsync();
            await sampling.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Waits until the scorer and the writer have committed everything produced (true), or until the drain timeout (false).</summary>
    async Task<bool> DrainAsync(CancellationToken cancellationToken)
    {
        var deadline = Clock.NowMs() + (long)_options.DrainTimeout.TotalMilliseconds;
        var lastProgress = 0L;
        while (Clock.NowMs() < deadline)
        {
            var last = LastSample();
            if (last is { Phase.RateIndex: var index } && index == _options.Rates.Count && last.ScorerLag == 0 && last.WriterLag == 0)
            {
                return true;
            }

            if (Clock.NowMs() - lastProgress >= ProgressInterval.TotalMilliseconds)
            {
                lastProgress = Clock.NowMs();
                _log.WriteLine($"  draining: lag {DescribeLag(last)}");
            }

            await Task.Delay(SampleInterval, cancellationToken);
        }

        return false;
    }

    /// <summary>The writer's counter of the marked route over the run, read until it stops changing (counters may trail the items).</summary>
    async Task<double?> CounterTotalAsync(HttpClient query, ICollection<MarkedRecord> marked, CancellationToken cancellationToken)
    {
        if (marked.Count == 0)
        {
            return 0;
        }

        var from = marked.Min(r => r.SentAtMs) - 60_000;
        var to = marked.Max(r => r.SentAtMs) + 60_000;
        var queryable = marked.Count(r => r.QueryableLatencyMs is not null);
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/stats/series?series={Uri.EscapeDataString("path:" + MarkedRecordProducer.Route)}&from={from}&to={to}&granularity=minute");
        double? total = null;
        var settleUntil = Clock.NowMs() + (long)CounterSettle.TotalMilliseconds;
        while (true)
        {
            try
            {
                var series = await query.GetFromJsonAsync<JsonObject>(path, cancellationToken);
                total = series?["total"]?.GetValue<double>();
            }
            catch (HttpRequestException ex)
            {
                _log.WriteLine($"  the counter of {MarkedRecordProducer.Route} could not be read: {ex.Message}");
            }

            if (total >= queryable || Clock.NowMs() >= settleUntil)
            {
                return total;
            }

            await Task.Delay(SampleInterval, cancellationToken);
        }
    }

    async Task ProgressAsync(string what, long untilMs, ConcurrentDictionary<string, MarkedRecord> marked, CancellationToken cancellationToken)
    {
        while (true)
        {
            var left = untilMs - Clock.NowMs();
            if (left <= 0)
            {
                return;
            }

            var records = marked.Values;
            var read = records.Count(r => r.QueryableLatencyMs is not null);
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what}: {left / 1000.0:F0} s left; lag {DescribeLag(LastSample())}; marked {records.Count} sent, {read} read back"));
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(left, ProgressInterval.TotalMilliseconds)), cancellationToken);
        }
    }

    async Task SampleAsync(StageOffsets offsets, ProcessSampler processes, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            do
            {
                var now = Clock.NowMs();
                var phase = Phase();
                var processSamples = processes.Sample(now, phase);
                StageSample? stage = null;
                try
                {
                    stage = await Task.Run(() => offsets.Sample(now, phase), cancellationToken);
                }
                catch (KafkaException ex)
                {
                    _log.WriteLine($"  offsets not sampled: {ex.Message}");
                }

                lock (_gate)
                {
                    _processes.AddRange(processSamples);
                    if (stage is not null)
                    {
                        _stages.Add(stage);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    void SetPhase(RunPhase phase)
    {
        lock (_gate)
        {
            _phase = phase;
        }
    }

    RunPhase Phase()
    {
        lock (_gate)
        {
            return _phase;
        }
    }

    StageSample? LastSample()
    {
        lock (_gate)
        {
            return _stages.Count == 0 ? null : _stages[^1];
        }
    }

    static string DescribeLag(StageSample? sample) => sample is null
        ? "not sampled yet"
        : string.Create(CultureInfo.InvariantCulture, $"scorer {sample.ScorerLag}, writer {sample.WriterLag}, archiver {sample.ArchiverLag}");

    static string Rate(double rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);
}
