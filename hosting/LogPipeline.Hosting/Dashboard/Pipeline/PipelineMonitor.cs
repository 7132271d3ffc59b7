using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LogPipeline.Hosting.Orchestration;
using LogPipeline.Hosting.Telemetry;
using Microsoft.Extensions.Hosting;

namespace LogPipeline.Hosting.Dashboard.Pipeline;

/// <summary>
/// Samples the pipeline once a second: throughput per stage, consumer lag and dead letters from the services'
/// metrics; anomaly scores from the scorer's spans (downsampled as they arrive); threshold, precision and recall
/// from the scorer's API; rates and injected counts from the generator's control API.
/// </summary>
public sealed class PipelineMonitor : BackgroundService
{
    public const string ScoreAttribute = "anomaly.score";
    public const string FlaggedAttribute = "anomaly.flagged";
    public const string LogIdAttribute = "log.id";
    public const string InjectedAttribute = "logpipeline.injected_anomaly";

    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    readonly PipelineOptions _options;
    readonly MetricStore _metrics;
    readonly TraceStore _traces;
    readonly ResourceNotificationService _resources;
    readonly ScoreWindow _scores;
    readonly Queue<(string LogId, double Score, double TimeMs, string TraceId)> _anomalies = new();
    readonly Lock _lock = new();
    JsonElement? _quality, _generator;
    string? _thresholdMode;

    public PipelineMonitor(PipelineOptions options, MetricStore metrics, TraceStore traces, ResourceNotificationService resources)
    {
        _options = options;
        _metrics = metrics;
        _traces = traces;
        _resources = resources;
        _scores = new ScoreWindow(Math.Max(1, options.WindowSeconds * 1000 / options.BucketMilliseconds), options.BucketMilliseconds);
        traces.SpansAdded += OnSpans;
        State = new PipelineState();
    }

    public PipelineState State { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var tick = 0;
        do
        {
            try
            {
                await PollServicesAsync(tick++ % 2 == 0, stoppingToken).ConfigureAwait(false);
                State = Sample();
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A stage restarting mid-sample: the next tick samples again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>The http endpoint of a running resource, or null.</summary>
    public Uri? Endpoint(string resource) =>
        _resources.Get(resource) is { State: ResourceState.Running } snapshot && snapshot.Endpoints.TryGetValue("http", out var url) ? new Uri(url) : null;

    void OnSpans(IReadOnlyList<SpanRecord> spans)
    {
        foreach (var span in spans)
        {
            if (span.Attribute(ScoreAttribute) is not { } text || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                continue;
            }

            var flagged = span.Attribute(FlaggedAttribute) == "true";
            var time = span.StartMs + span.DurationMs;
            _scores.Add(time, score, flagged);
            if (flagged)
            {
                lock (_lock)
                {
                    _anomalies.Enqueue((span.Attribute(LogIdAttribute) ?? "", score, time, span.TraceId));
                    while (_anomalies.Count > _options.LatestAnomalies)
                    {
                        _anomalies.Dequeue();
                    }
                }
            }
        }
    }

    async Task PollServicesAsync(bool slow, CancellationToken cancellationToken)
    {
        if (Endpoint(_options.Scorer) is { } scorer)
        {
            if (await GetJsonAsync(new Uri(scorer, "/api/scorer/threshold"), cancellationToken).ConfigureAwait(false) is { } threshold
                && threshold.TryGetProperty("current", out var current) && current.TryGetDouble(out var value))
            {
                _scores.Threshold = value;
                _thresholdMode = threshold.TryGetProperty("mode", out var mode) ? mode.GetString() : null;
            }

            if (slow)
            {
                _quality = await GetJsonAsync(new Uri(scorer, "/api/scorer/quality"), cancellationToken).ConfigureAwait(false) ?? _quality;
            }
        }

        if (Endpoint(_options.Generator) is { } generator)
        {
            _generator = await GetJsonAsync(new Uri(generator, "/control/status"), cancellationToken).ConfigureAwait(false) ?? _generator;
        }
    }

    PipelineState Sample()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var since = now - (_options.WindowSeconds * 1000.0);
        (string Stage, string Resource, string Metric)[] stages =
        [
            ("generated", _options.Generator, "logpipeline.generator.produced"),
            ("scored", _options.Scorer, "logpipeline.scorer.scored"),
            ("model", _options.RcfEndpoint, "rcf.records_scored"),
            ("written", _options.Writer, "logpipeline.writer.items.written"),
        ];
        (string LogId, double Score, double TimeMs, string TraceId)[] anomalies;
        lock (_lock)
        {
            anomalies = _anomalies.Reverse().ToArray();
        }

        double threshold = _scores.Threshold;
        return new PipelineState
        {
            TimeMs = now,
            Stages = stages.Select(s => Throughput(s.Stage, s.Resource, s.Metric, since, now)).ToArray(),
            Lag = _metrics.Latest("logpipeline.kafka.consumer.lag")
                .Select(l => new PartitionLag(
                    l.Service,
                    l.Attribute("messaging.consumer.group.name") ?? l.Service,
                    l.Attribute("messaging.destination.name") ?? "",
                    l.Attribute("messaging.destination.partition.id") ?? "",
                    l.Value))
                .OrderBy(l => l.Group, StringComparer.Ordinal).ThenBy(l => l.Topic, StringComparer.Ordinal).ThenBy(l => int.TryParse(l.Partition, out var p) ? p : 0)
                .ToArray(),
            DeadLettered = (long)_metrics.Latest("logpipeline.scorer.dead_lettered").Sum(l => l.Value),
            Scores = _scores.Snapshot(now),
            Threshold = double.IsNaN(threshold) ? null : threshold,
            ThresholdMode = _thresholdMode,
            ScoresSeen = _scores.Scored,
            FlaggedSeen = _scores.Flagged,
            Quality = _quality,
            Generator = _generator,
            Anomalies = anomalies.Select(a => new DetectedAnomaly(a.LogId, a.Score, a.TimeMs, a.TraceId, InjectedKind(a.TraceId))).ToArray(),
            QueryApiUrl = Endpoint(_options.QueryApi)?.ToString().TrimEnd('/'),
        };
    }

    StageThroughput Throughput(string stage, string resource, string metric, double since, double now)
    {
        var history = _metrics.RateHistory(metric, l => l.Service == resource, since);
        var rate = history.Count > 0 && history[^1][0] > now - 15_000 ? history[^1][1] : 0;
        var total = _metrics.Latest(metric).Where(l => l.Service == resource).Sum(l => l.Value);
        return new StageThroughput(stage, resource, metric, Math.Round(rate, 2), total, history.Select(p => new[] { p[0], Math.Round(p[1], 2) }).ToArray());
    }

    string? InjectedKind(string traceId) =>
        _traces.Get(traceId)?.Select(s => s.Attribute(InjectedAttribute)).FirstOrDefault(k => k is not null);

    static async Task<JsonElement?> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);

            // A parent that is not sampled: the service records no trace of the dashboard's own polling.
            request.Headers.Add("traceparent", $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00");
            using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return json.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public override void Dispose()
    {
        _traces.SpansAdded -= OnSpans;
        base.Dispose();
    }
}
