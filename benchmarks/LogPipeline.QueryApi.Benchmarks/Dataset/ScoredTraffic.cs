using LogPipeline.Contracts;
using LogPipeline.Generator.Traffic;
using LogPipeline.RandomCutForest;
using LogPipeline.Scorer.Features;
using LogPipeline.Storage.Writing;
using Forest = LogPipeline.RandomCutForest.RandomCutForest;

namespace LogPipeline.QueryApi.Benchmarks.Dataset;

/// <summary>
/// One partition's logs, made and scored as the running pipeline makes them: the generator's traffic model (1%
/// labelled anomalies), the scorer's features, a Random Cut Forest with the endpoint's default settings and the
/// scorer's default adaptive threshold. Deterministic for a seed, so a partition can be made again from its start.
/// </summary>
sealed class ScoredTraffic
{
    const string Model = "rcf-anomaly-endpoint";

    readonly DatasetPlan _plan;
    readonly int _partition;
    readonly WebTrafficModel _traffic;
    readonly LogFeatureExtractor _features = new();
    readonly Forest _forest;
    readonly AnomalyThreshold _threshold = new(new AnomalyThresholdOptions());
    readonly LogRecord[] _logs;
    readonly float[] _points;
    readonly double[] _scores;

    public ScoredTraffic(DatasetPlan plan, int partition, int batchSize)
    {
        _plan = plan;
        _partition = partition;
        var seed = (plan.Seed * 1_000) + partition;
        _traffic = new WebTrafficModel(seed);
        _forest = new Forest(new RandomCutForestOptions
        {
            Dimensions = LogFeatureExtractor.FeatureCount,
            TimeDecay = RandomCutForestOptions.DefaultTimeDecayFor(256),
            RandomSeed = seed,
            ParallelExecution = false,
        });
        _logs = new LogRecord[batchSize];
        _points = new float[batchSize * LogFeatureExtractor.FeatureCount];
        _scores = new double[batchSize];
    }

    /// <summary>Makes and scores the logs at <paramref name="firstOffset"/> onwards; call with consecutive ranges.</summary>
    public void Next(long firstOffset, int count, List<PendingLog> batch)
    {
        batch.Clear();
        for (var i = 0; i < count; i++)
        {
            var offset = firstOffset + i;
            var log = _traffic.Next(_plan.TimestampOf(_partition, offset)) with { LogIdentifier = _plan.IdOf(_partition, offset) };
            _features.Extract(log, _points.AsSpan(i * LogFeatureExtractor.FeatureCount, LogFeatureExtractor.FeatureCount));
            _logs[i] = log;
        }

        _forest.ScoreBatch(_points.AsSpan(0, count * LogFeatureExtractor.FeatureCount), _scores.AsSpan(0, count));
        for (var i = 0; i < count; i++)
        {
            var verdict = new ScoreVerdict
            {
                AnomalyScore = _scores[i],
                IsAnomaly = _threshold.Evaluate(_scores[i], out var threshold),
                Threshold = threshold,
                ThresholdMode = _threshold.ModeName,
                ScoredAt = _logs[i].Timestamp + 1_000,
                Model = Model,
            };
            var scored = new ScoredLog(_logs[i], verdict);
            batch.Add(new PendingLog(scored, new SourcePosition(DatasetPlan.Topic, _partition, firstOffset + i)));
        }
    }
}
