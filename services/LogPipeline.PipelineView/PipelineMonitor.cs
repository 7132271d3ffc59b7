using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.PipelineView.Clients;
using LogPipeline.PipelineView.Kafka;
using LogPipeline.PipelineView.Scores;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView;

/// <summary>
/// Samples the pipeline once per interval: counts, rates and lag from Kafka offsets, scores and anomalies from the
/// scored records (<see cref="ScoreBoard"/>), the threshold and detection quality from the scorer's API, rate and
/// injected counts from the generator's control API. A source that does not answer keeps its last value.
/// </summary>
public sealed partial class PipelineMonitor(
    KafkaOffsetSampler offsets, ScoreBoard board, ScorerClient scorer, GeneratorClient generator,
    IOptions<PipelineViewOptions> options, TimeProvider time, ILogger<PipelineMonitor> logger) : BackgroundService
{
    public const string Generated = "generated";
    public const string Scored = "scored";
    public const string Stored = "stored";

    static readonly TimeSpan KafkaTimeout = TimeSpan.FromSeconds(3);

    readonly PipelineViewOptions _options = options.Value;
    readonly StageHistory[] _stages = [.. new[] { Generated, Scored, Stored }.Select(s => new StageHistory(s, options.Value.WindowSeconds * 1000.0))];
    OffsetSample? _offsets;
    string? _kafkaError = "not sampled yet";
    ThresholdState? _threshold;
    JsonElement? _quality, _generator;

    public PipelineState State { get; private set; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval, time);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes one sample of every source and publishes the new <see cref="State"/>.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var kafka = Task.Run(() => offsets.Sample(KafkaTimeout), cancellationToken);
        var threshold = AskAsync(scorer.ThresholdAsync, cancellationToken);
        var quality = AskAsync(async c => (JsonElement?)await scorer.QualityAsync(c), cancellationToken);
        var status = AskAsync(async c => (JsonElement?)await generator.StatusAsync(c), cancellationToken);
        try
        {
            _offsets = await kafka;
            _kafkaError = null;
        }
        catch (KafkaException ex)
        {
            _kafkaError = ex.Error.Reason;
            LogKafkaUnanswered(logger, ex.Error.Reason);
        }

        _threshold = await threshold ?? _threshold;
        _quality = await quality ?? _quality;
        _generator = await status ?? _generator;
        State = Compose(time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    PipelineState Compose(double now)
    {
        if (_offsets is { } sample && _kafkaError is null)
        {
            _stages[0].Add(now, sample.Generated);
            _stages[1].Add(now, sample.Scored);
            _stages[2].Add(now, sample.Stored);
        }

        var recordThreshold = board.Threshold;
        return new PipelineState
        {
            TimeMs = now,
            Stages = [.. _stages.Select(s => s.Snapshot())],
            Lag = _offsets?.Lag ?? [],
            DeadLettered = _offsets?.DeadLetters ?? 0,
            KafkaError = _kafkaError,
            Scores = board.Scores(now),
            Threshold = _threshold?.Current ?? (double.IsFinite(recordThreshold) ? recordThreshold : null),
            ThresholdMode = _threshold?.Mode ?? board.ThresholdMode,
            ScoresSeen = board.Seen,
            FlaggedSeen = board.Flagged,
            Quality = _quality,
            Generator = _generator,
            Anomalies = board.LatestAnomalies(),
        };
    }

    /// <summary>A service that is down, restarting or slow answers null; the view keeps showing what it said last.</summary>
    static async Task<T?> AskAsync<T>(Func<CancellationToken, Task<T?>> ask, CancellationToken cancellationToken)
    {
        try
        {
            return await ask(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kafka did not answer the offset sample: {Reason}")]
    static partial void LogKafkaUnanswered(ILogger logger, string reason);
}
