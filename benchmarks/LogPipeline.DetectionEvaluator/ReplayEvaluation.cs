using System.Diagnostics;
using LogPipeline.Contracts;
using LogPipeline.Generator;
using LogPipeline.Generator.Traffic;
using LogPipeline.RandomCutForest;
using LogPipeline.RcfEndpoint.Models;
using LogPipeline.Scorer;
using LogPipeline.Scorer.Features;
using LogPipeline.Scorer.Scoring;
using Forest = LogPipeline.RandomCutForest.RandomCutForest;

namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// The same traffic without the app, in event time: the generator's traffic model at its default rate with the same
/// bursts, the scorer's features, a forest with the endpoint's default model settings and the scorer's default
/// threshold, in this process. Seconds instead of half an hour, so features can be tried quickly; the figures are
/// close to the live run's but not the judge (the live run is). Also measures the scorer's cost per record:
/// feature extraction, and the forest's score and update.
/// </summary>
public static class ReplayEvaluation
{
    public static EvaluationResult Run(EvaluationOptions options, TextWriter log)
    {
        var rate = options.Rate ?? new GeneratorOptions().RatePerSecond;
        // The scorer's batches: records this close in event time are scored together.
        var scorer = new ScorerOptions();
        var maxBatchWait = (long)scorer.MaxBatchWait.TotalMilliseconds;
        var batchSize = scorer.BatchSize;
        var traffic = new WebTrafficModel(options.Seed);
        var features = new LogFeatureExtractor();
        var forest = new Forest(RcfOptions.DefaultModel.ToForestOptions() with { ParallelExecution = false, RandomSeed = options.Seed });
        var threshold = new AnomalyThreshold(scorer.Threshold);
        var kinds = AnomalyLabels.Injectable;

        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var from = start + (long)options.WarmUp.TotalMilliseconds;
        var to = from + (long)options.Duration.TotalMilliseconds;
        var step = 1000.0 / rate;
        var interval = (long)options.BurstInterval.TotalMilliseconds;
        var nextBurst = from + (interval / 2);

        var records = new List<(LogRecord Log, bool InBurst)>();
        var bursts = new List<BurstWindow>();
        for (var i = 0L; ; i++)
        {
            var now = start + (long)(i * step);
            if (now > to)
            {
                break;
            }

            if (now >= nextBurst && nextBurst < to)
            {
                var kind = kinds[bursts.Count % kinds.Length];
                traffic.BeginEpisode(kind);
                for (var b = 0; b < options.BurstSize; b++)
                {
                    records.Add((traffic.NextAnomaly(kind, now), true));
                }

                bursts.Add(new BurstWindow(AnomalyLabels.Label(kind), options.BurstSize, now, now));
                nextBurst += interval;
            }

            records.Add((traffic.Next(now), false));
        }

        // As the scorer does: a batch's features, one scoring call, then each verdict, and the baselines learn.
        var points = new float[batchSize * LogFeatureExtractor.FeatureCount];
        var scores = new double[batchSize];
        var verdicts = new List<LabelledVerdict>();
        var sent = 0L;
        var extracting = new Stopwatch();
        var scoring = new Stopwatch();
        for (var first = 0; first < records.Count;)
        {
            var count = 1;
            while (first + count < records.Count && count < batchSize && records[first + count].Log.Timestamp - records[first].Log.Timestamp < maxBatchWait)
            {
                count++;
            }

            extracting.Start();
            for (var i = 0; i < count; i++)
            {
                features.Extract(records[first + i].Log, points.AsSpan(i * LogFeatureExtractor.FeatureCount, LogFeatureExtractor.FeatureCount));
            }

            extracting.Stop();
            scoring.Start();
            forest.ScoreBatch(points.AsSpan(0, count * LogFeatureExtractor.FeatureCount), scores.AsSpan(0, count));
            scoring.Stop();
            for (var i = 0; i < count; i++)
            {
                var (record, inBurst) = records[first + i];
                var flagged = threshold.Evaluate(scores[i], out var bar);
                extracting.Start();
                features.Learn(record, flagged);
                extracting.Stop();
                if (record.Timestamp >= from)
                {
                    sent++;
                    verdicts.Add(new LabelledVerdict(record.LogIdentifier, record.Timestamp, record.InjectedAnomaly, inBurst, flagged, scores[i], bar, record.StatusCode));
                }
            }

            first += count;
        }

        log.WriteLine($"replayed {records.Count} records in event time ({options.Describe()})");
        log.WriteLine($"scorer's cost per record, one thread: features {PerRecord(extracting, records.Count)}, forest score + update {PerRecord(scoring, records.Count)} ({LogFeatureExtractor.FeatureCount} features, {forest.Options.NumberOfTrees} trees, {forest.Options.SampleSize} samples)");
        return new EvaluationResult(DetectionReport.From(verdicts), bursts, from, to, sent, rate);
    }

    static string PerRecord(Stopwatch watch, int records) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMicroseconds / records:F2} µs");
}
