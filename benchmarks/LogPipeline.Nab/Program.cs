using System.Diagnostics;
using LogPipeline.Nab;

// Prints windows hit and points flagged outside windows for every series of NAB's development set and for
// nyc_taxi, with one setting for all (StreamingDetector). Series run in parallel; each is deterministic.
var started = Stopwatch.StartNew();
var series = NabData.DevelopmentSet();
var scores = new double[series.Count][];
Parallel.For(0, series.Count, i => scores[i] = StreamingDetector.Scores(series[i]));
var reports = series.Select((s, i) => DetectionReport.Evaluate(s, StreamingDetector.Flags(scores[i]))).ToList();
var previous = DetectionReport.Total(series.Select((s, i) => DetectionReport.Evaluate(s, StreamingDetector.Flags(scores[i], StreamingDetector.PreviousThresholdOptions))));

var forest = StreamingDetector.ForestOptions;
var threshold = StreamingDetector.ThresholdOptions;
Console.WriteLine($"NAB development set: {series.Count} series, raw values, shingle {forest.ShingleSize}, {forest.NumberOfTrees} trees, {forest.SampleSize} samples, seed {forest.RandomSeed}, time decay {forest.TimeDecay}, score then update");
Console.WriteLine($"threshold: mean + {threshold.Sigmas}σ (decay {threshold.DecayRate}), floor {threshold.Floor}, warm-up {threshold.WarmUp} scores, once per excursion, none for {threshold.QuietPeriod} scores after a flag");
Console.WriteLine();
Console.WriteLine(NabTable.Render(reports));
Console.WriteLine($"engine's threshold before issue 15 (warm-up 200, no quiet period): {previous}");
Console.WriteLine("AWS ThresholdedRandomCutForest 4.3.0, same forest settings (issue 15, measured on this machine): windows hit 64/67, points flagged outside windows 2,394; goal: at most 957");
Console.WriteLine();
var nycTaxi = NabData.NycTaxi();
var nycTaxiScores = StreamingDetector.Scores(nycTaxi);
Console.WriteLine($"{DetectionReport.Evaluate(nycTaxi, StreamingDetector.Flags(nycTaxiScores))} (raw values; AWS: 4/5, 32 outside)");
Console.WriteLine($"{DetectionReport.Evaluate(nycTaxi, StreamingDetector.Flags(nycTaxiScores, StreamingDetector.PreviousThresholdOptions))} (raw values, the threshold before issue 15)");
Console.WriteLine($"{started.Elapsed.TotalSeconds:F0} s");
