namespace LogPipeline.Nab;

/// <summary>How flags fall on a series' windows. A window is hit when at least one point inside it is flagged.</summary>
public sealed record DetectionReport(string Series, int Points, int WindowsHit, int Windows, int FlaggedOutsideWindows, int Flagged)
{
    public static DetectionReport Evaluate(NabSeries series, ReadOnlySpan<bool> flags)
    {
        var hit = new bool[series.Windows.Length];
        var outside = 0;
        var flagged = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            if (!flags[i])
            {
                continue;
            }

            flagged++;
            var window = series.WindowOf(i);
            if (window >= 0)
            {
                hit[window] = true;
            }
            else
            {
                outside++;
            }
        }

        return new DetectionReport(series.Name, series.Values.Length, Array.FindAll(hit, h => h).Length, hit.Length, outside, flagged);
    }

    /// <summary>The sum of several series' reports.</summary>
    public static DetectionReport Total(IEnumerable<DetectionReport> reports) =>
        reports.Aggregate(
            new DetectionReport("total", 0, 0, 0, 0, 0),
            (sum, r) => new DetectionReport(
                sum.Series,
                sum.Points + r.Points,
                sum.WindowsHit + r.WindowsHit,
                sum.Windows + r.Windows,
                sum.FlaggedOutsideWindows + r.FlaggedOutsideWindows,
                sum.Flagged + r.Flagged));

    public override string ToString() =>
        $"{Series}: windows hit {WindowsHit}/{Windows}, points flagged outside windows {FlaggedOutsideWindows}, points flagged {Flagged}";
}
