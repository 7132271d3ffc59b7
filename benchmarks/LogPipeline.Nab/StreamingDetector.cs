using LogPipeline.RandomCutForest;
using Forest = LogPipeline.RandomCutForest.RandomCutForest;

namespace LogPipeline.Nab;

/// <summary>
/// One setting for every series (no per-series tuning): raw values, shingles of 8, 100 trees, 256 samples, no time
/// decay, seed 42, score-then-update, and <see cref="AnomalyThresholdOptions.ForShingledSeries"/>.
/// </summary>
public static class StreamingDetector
{
    public static RandomCutForestOptions ForestOptions { get; } = new()
    {
        Dimensions = 1,
        ShingleSize = 8,
        NumberOfTrees = 100,
        SampleSize = 256,
        RandomSeed = 42,
        ParallelExecution = false,
    };

    /// <summary>Each point's score by a forest that has seen only the points before it.</summary>
    public static double[] Scores(NabSeries series, RandomCutForestOptions? options = null)
    {
        var forest = new Forest(options ?? ForestOptions);
        var scores = new double[series.Values.Length];
        Span<float> point = stackalloc float[1];
        for (var i = 0; i < scores.Length; i++)
        {
            point[0] = (float)series.Values[i];
            scores[i] = forest.ScoreAndUpdate(point);
        }

        return scores;
    }

    public static AnomalyThresholdOptions ThresholdOptions => AnomalyThresholdOptions.ForShingledSeries(ForestOptions.ShingleSize);

    /// <summary>Flags each score with a fresh threshold of <paramref name="options"/> (<see cref="ThresholdOptions"/> when null).</summary>
    public static bool[] Flags(ReadOnlySpan<double> scores, AnomalyThresholdOptions? options = null)
    {
        var threshold = new AnomalyThreshold(options ?? ThresholdOptions);
        var flags = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            flags[i] = threshold.IsAnomaly(scores[i]);
        }

        return flags;
    }

    public static DetectionReport Detect(NabSeries series) => DetectionReport.Evaluate(series, Flags(Scores(series)));

    /// <summary>
    /// The engine's threshold before issue 15, as settings of the one threshold: mean + 3σ above 1, warm-up 200
    /// scores, once per excursion, high scores learned clipped, no quiet period. Kept to show what the quiet period and shorter warm-up change.
    /// </summary>
    public static AnomalyThresholdOptions PreviousThresholdOptions => new()
    {
        Value = double.PositiveInfinity,
        Sigmas = 3.0,
        Floor = 1.0,
        DecayRate = 0.001,
        WarmUp = 200,
        FlagOncePerExcursion = true,
        LearnScoresAboveThreshold = true,
    };
}
