using Xunit.Abstractions;

namespace LogPipeline.RandomCutForest.Tests.Nab;

/// <summary>
/// Detection quality on NAB's nyc_taxi series (half-hourly taxi counts, 5 labelled windows).
/// AWS's ThresholdedRandomCutForest with the same forest settings hits 4 of 5 windows and
/// flags 32 points outside them.
/// </summary>
public sealed class NycTaxiDetectionTests(ITestOutputHelper output)
{
    private const int PointsPerWeek = 7 * 48;
    private static readonly NabSeries Series = NabSeries.Load("nyc_taxi");

    [Fact]
    public void WeeklyDifferencedSeriesHitsAllWindowsWithFewerFlagsOutsideThanAws()
    {
        var report = Detect(WeeklyDifferences());

        output.WriteLine($"nyc_taxi, weekly differences: {report}");
        Assert.Equal(5, report.WindowsHit);
        Assert.True(report.FlaggedOutsideWindows < 32, report.ToString());
    }

    [Fact]
    public void RawSeriesHitsFourWindows()
    {
        var report = Detect(Standardised());

        output.WriteLine($"nyc_taxi, raw values: {report}");
        Assert.True(report.WindowsHit >= 4, report.ToString());
        Assert.True(report.FlaggedOutsideWindows < 32, report.ToString());
    }

    /// <summary>
    /// Scores each input with score-then-update and flags it with a default
    /// <see cref="AdaptiveThreshold"/>. Null inputs (no baseline yet) are skipped.
    /// </summary>
    private static DetectionReport Detect(float?[] inputs)
    {
        var forest = new RandomCutForest(new RandomCutForestOptions
        {
            Dimensions = 1,
            ShingleSize = 8,
            NumberOfTrees = 100,
            SampleSize = 256,
            RandomSeed = 42,
        });
        var threshold = new AdaptiveThreshold();
        var flags = new bool[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is { } value)
            {
                flags[i] = threshold.IsAnomaly(forest.ScoreAndUpdate([value]));
            }
        }

        return DetectionReport.Evaluate(Series, flags);
    }

    /// <summary>
    /// Each value minus the value one week earlier, in units of the first week's standard
    /// deviation. Removes the weekly cycle, so holidays stand out against the same slot of
    /// the previous week. Uses only past data; the first week only serves as a baseline.
    /// </summary>
    private static float?[] WeeklyDifferences()
    {
        var scale = FirstWeekStandardDeviation(out _);
        var inputs = new float?[Series.Values.Length];
        for (var i = PointsPerWeek; i < inputs.Length; i++)
        {
            inputs[i] = (float)((Series.Values[i] - Series.Values[i - PointsPerWeek]) / scale);
        }

        return inputs;
    }

    /// <summary>Values standardised with the first week's mean and standard deviation.</summary>
    private static float?[] Standardised()
    {
        var scale = FirstWeekStandardDeviation(out var mean);
        return Array.ConvertAll(Series.Values, value => (float?)(float)((value - mean) / scale));
    }

    private static double FirstWeekStandardDeviation(out double mean)
    {
        var firstWeek = Series.Values[..PointsPerWeek];
        mean = firstWeek.Average();
        var center = mean;
        return Math.Sqrt(firstWeek.Average(value => (value - center) * (value - center)));
    }
}
