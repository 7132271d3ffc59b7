namespace LogPipeline.RandomCutForest.Tests.Support;

internal static class ForestRuns
{
    /// <summary>Streams every record through ScoreAndUpdate and returns the scores.</summary>
    public static double[] ScoreAndUpdateAll(this RandomCutForest forest, float[] records)
    {
        var dimensions = forest.Options.Dimensions;
        var scores = new double[records.Length / dimensions];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = forest.ScoreAndUpdate(GaussianPoints.Record(records, i, dimensions));
        }

        return scores;
    }

    public static (double Mean, double StandardDeviation) MeanAndStandardDeviation(IReadOnlyList<double> values)
    {
        var mean = 0.0;
        foreach (var value in values)
        {
            mean += value;
        }

        mean /= values.Count;
        var squares = 0.0;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return (mean, Math.Sqrt(squares / values.Count));
    }
}
