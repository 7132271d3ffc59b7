using LogPipeline.Nab;
using Xunit.Abstractions;

namespace LogPipeline.RandomCutForest.Tests.Nab;

/// <summary>
/// Detection quality on NAB's nyc_taxi series (half-hourly taxi counts, 5 labelled windows), with the one setting
/// used for every NAB series. AWS's ThresholdedRandomCutForest with the same forest settings, on the raw values,
/// hits 4 of 5 windows and flags 32 points outside them.
/// </summary>
public sealed class NycTaxiDetectionTests(ITestOutputHelper output)
{
    private const int PointsPerWeek = 7 * 48;
    private static readonly NabSeries Series = NabData.NycTaxi();

    [Fact]
    public void RawSeriesHitsTheWindowsAwsHitsWithFewerFlagsOutside()
    {
        var report = StreamingDetector.Detect(Series);

        output.WriteLine($"raw values: {report}");
        Assert.True(report.WindowsHit >= 4, report.ToString());
        Assert.True(report.FlaggedOutsideWindows < 32, report.ToString());
    }

    [Fact]
    public void WeeklyDifferencedSeriesHitsAllWindows()
    {
        var report = Detect(WeeklyDifferences());

        output.WriteLine($"weekly differences: {report}");
        Assert.Equal(5, report.WindowsHit);
        Assert.True(report.FlaggedOutsideWindows < 32, report.ToString());
    }

    /// <summary>Score-then-update with the one setting; null inputs (no baseline yet) are skipped.</summary>
    private static DetectionReport Detect(float?[] inputs)
    {
        var forest = new RandomCutForest(StreamingDetector.ForestOptions);
        var threshold = new AnomalyThreshold(StreamingDetector.ThresholdOptions);
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
    /// Each value minus the value one week earlier. Removes the weekly cycle, so holidays stand out against the same
    /// slot of the previous week. Uses only past data; the first week only serves as a baseline.
    /// </summary>
    private static float?[] WeeklyDifferences()
    {
        var inputs = new float?[Series.Values.Length];
        for (var i = PointsPerWeek; i < inputs.Length; i++)
        {
            inputs[i] = (float)(Series.Values[i] - Series.Values[i - PointsPerWeek]);
        }

        return inputs;
    }
}
