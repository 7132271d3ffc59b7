using System.Diagnostics;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using LogPipeline.RandomCutForest;
using LogPipeline.SageMakerRuntime;
using LogPipeline.Scorer.Features;
using Microsoft.Extensions.Options;

namespace LogPipeline.Scorer.Scoring;

/// <summary>
/// logs.raw → features → one InvokeEndpoint call per batch → threshold → logs.scored. Invalid messages go to
/// logs.dlq with the reason. If the endpoint fails, the batch fails before anything is produced, so the base class
/// retries it and nothing is committed or scored as normal by default.
/// </summary>
public sealed partial class ScoringWorker : BatchConsumerWorker
{
    public const string ActivitySourceName = "LogPipeline.Scorer";
    static readonly ActivitySource Source = new(ActivitySourceName);
    static readonly Meter Meter = new("LogPipeline.Scorer");

    readonly SageMakerRuntimeClient _sageMaker;
    readonly BatchProducer _producer;
    readonly ScorerOptions _options;
    readonly TopicOptions _topics;
    readonly LogFeatureExtractor _features = new();
    readonly AnomalyExplainer _explainer = new();
    readonly LogRecordSerializer _serializer = new();
    readonly LogRecordRules _rules;
    readonly List<(ConsumeResult<byte[]?, byte[]?> Source, LogRecord Log)> _valid;
    readonly List<(ConsumeResult<byte[]?, byte[]?> Source, string Reason)> _invalid = [];
    readonly Counter<long> _scoredCounter;
    readonly Counter<long> _deadLettered;
    readonly Histogram<double> _scoreHistogram;
    readonly Histogram<double> _invokeDuration;
    readonly KeyValuePair<string, object?> _modelTag;
    float[] _featureBuffer;
    double[] _scoreBuffer;
    double[] _highBuffer;
    double[] _lowBuffer;

    public ScoringWorker(
        IConsumer<byte[]?, byte[]?> consumer,
        IProducer<byte[]?, byte[]?> producer,
        SageMakerRuntimeClient sageMaker,
        AnomalyThreshold threshold,
        DetectionQuality quality,
        IOptions<ScorerOptions> options,
        IOptions<TopicOptions> topics,
        IOptions<BatchConsumerOptions> consumerOptions,
        IOptions<RecordValidationOptions> validation,
        ILoggerFactory loggers)
        : base(
            consumer,
            consumerOptions.Value.For(topics.Value.Raw, options.Value.ConsumerGroup, options.Value.BatchSize, options.Value.MaxBatchWait),
            new DeadLetterPublisher(producer, topics.Value.DeadLetter, "scorer", loggers.CreateLogger<DeadLetterPublisher>()),
            loggers.CreateLogger<ScoringWorker>())
    {
        _sageMaker = sageMaker;
        _producer = new BatchProducer(producer);
        _options = options.Value;
        _topics = topics.Value;
        _rules = new LogRecordRules(validation.Value);
        Threshold = threshold;
        Quality = quality;
        _valid = new(_options.BatchSize);
        _featureBuffer = new float[_options.BatchSize * LogFeatureExtractor.FeatureCount];
        _scoreBuffer = new double[_options.BatchSize];
        _highBuffer = new double[_options.Explain ? _featureBuffer.Length : 0];
        _lowBuffer = new double[_highBuffer.Length];
        _modelTag = new("model", _options.EndpointName);
        _scoredCounter = Meter.CreateCounter<long>("logpipeline.scorer.scored", "{log}", "Logs scored, tagged by verdict.");
        _deadLettered = Meter.CreateCounter<long>("logpipeline.scorer.dead_lettered", "{message}", "Messages sent to the dead-letter topic.");
        _scoreHistogram = Meter.CreateHistogram<double>("logpipeline.scorer.score", "{score}", "Anomaly scores returned by the model.");
        _invokeDuration = Meter.CreateHistogram<double>("logpipeline.scorer.invoke.duration", "s", "InvokeEndpoint latency per batch.");
        Meter.CreateObservableGauge("logpipeline.scorer.threshold", () => new Measurement<double>(Threshold.Current, _modelTag, new("mode", Threshold.ModeName)), "{score}", "The threshold in force.");
        Meter.CreateObservableGauge("logpipeline.scorer.precision", () => Quality.Snapshot().Precision is { } p ? [new Measurement<double>(p, _modelTag)] : Array.Empty<Measurement<double>>(), description: "Precision of is_anomaly against the generator's labels.");
        Meter.CreateObservableGauge("logpipeline.scorer.recall", () => Quality.Snapshot().Recall is { } r ? [new Measurement<double>(r, _modelTag)] : Array.Empty<Measurement<double>>(), description: "Recall of is_anomaly against the generator's labels.");
    }

    public AnomalyThreshold Threshold { get; }

    public DetectionQuality Quality { get; }

    protected override async Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken)
    {
        _valid.Clear();
        _invalid.Clear();
        foreach (var result in batch)
        {
            if (LogRecordReader.TryRead(result.Message.Value, _rules, MessageTime.ReferenceMilliseconds(result), out var log, out var error))
            {
                _valid.Add((result, log));
            }
            else
            {
                _invalid.Add((result, error));
            }
        }

        var count = _valid.Count;
        EnsureCapacity(count);
        var features = _featureBuffer.AsMemory(0, count * LogFeatureExtractor.FeatureCount);
        var scores = _scoreBuffer.AsMemory(0, count);
        var high = _highBuffer.AsMemory(0, _options.Explain ? features.Length : 0);
        var low = _lowBuffer.AsMemory(0, high.Length);
        var attributed = false;
        for (var i = 0; i < count; i++)
        {
            _features.Extract(_valid[i].Log, features.Span.Slice(i * LogFeatureExtractor.FeatureCount, LogFeatureExtractor.FeatureCount));
        }

        if (count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            attributed = await _sageMaker.ScoreAsync(_options.EndpointName, features, LogFeatureExtractor.FeatureCount, scores, high, low, cancellationToken).ConfigureAwait(false);
            _invokeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _modelTag);
        }

        // Everything below produces: only reached once the whole batch is scored.
        foreach (var (source, reason) in _invalid)
        {
            DeadLetters.Publish(source, reason, _producer.Track());
        }

        _deadLettered.Add(_invalid.Count);
        var scoredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var anomalies = 0;
        for (var i = 0; i < count; i++)
        {
            var (source, log) = _valid[i];
            var score = scores.Span[i];
            var flagged = Threshold.Evaluate(score, out var threshold);
            _features.Learn(log, flagged);
            anomalies += flagged ? 1 : 0;
            Quality.Record(log.InjectedAnomaly, flagged);
            _scoreHistogram.Record(score, _modelTag);

            var recordFeatures = features.Span.Slice(i * LogFeatureExtractor.FeatureCount, LogFeatureExtractor.FeatureCount);
            var explanation = flagged && attributed
                ? _explainer.Explain(
                    log,
                    recordFeatures,
                    score,
                    high.Span.Slice(i * LogFeatureExtractor.FeatureCount, LogFeatureExtractor.FeatureCount),
                    low.Span.Slice(i * LogFeatureExtractor.FeatureCount, LogFeatureExtractor.FeatureCount))
                : null;
            var scored = new ScoredLog(log, new ScoreVerdict
            {
                AnomalyScore = score,
                IsAnomaly = flagged,
                Threshold = threshold,
                ThresholdMode = Threshold.ModeName,
                ScoredAt = scoredAt,
                Model = _options.EndpointName,
                Explanation = explanation,
            });

            using var activity = Source.StartActivity("logs.raw process", ActivityKind.Consumer, KafkaTraceContext.Extract(source.Message.Headers));
            activity?.SetTag("messaging.system", "kafka");
            activity?.SetTag("messaging.destination.name", source.Topic);
            activity?.SetTag("log.id", log.LogIdentifier);
            activity?.SetTag("anomaly.score", score);
            activity?.SetTag("anomaly.flagged", flagged);
            var headers = new Headers();
            KafkaTraceContext.Inject(activity, headers);
            if (source.Message.Headers?.TryGetLastBytes(ReplayHeaders.Source, out var replayedFrom) == true)
            {
                // A replay's re-score: the writer replaces the stored verdict with this one.
                headers.Add(ReplayHeaders.Source, replayedFrom);
            }

            _producer.Produce(_topics.Scored, new Message<byte[]?, byte[]?>
            {
                Key = source.Message.Key,
                Value = _serializer.Serialize(scored),
                Headers = headers,
            });
        }

        await _producer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _scoredCounter.Add(count - anomalies, _modelTag, new("is_anomaly", false));
        _scoredCounter.Add(anomalies, _modelTag, new("is_anomaly", true));
        if (anomalies > 0)
        {
            LogAnomalies(Logger, anomalies, count, Threshold.Current);
        }
    }

    void EnsureCapacity(int count)
    {
        if (_scoreBuffer.Length < count)
        {
            _scoreBuffer = new double[count];
            _featureBuffer = new float[count * LogFeatureExtractor.FeatureCount];
            _highBuffer = new double[_options.Explain ? _featureBuffer.Length : 0];
            _lowBuffer = new double[_highBuffer.Length];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flagged {Anomalies} of {Count} logs as anomalous (threshold {Threshold:F3})")]
    static partial void LogAnomalies(ILogger logger, int anomalies, int count, double threshold);
}
