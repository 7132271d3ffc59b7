namespace LogPipeline.RandomCutForest.Tests.Nab;

/// <summary>A window is hit when at least one point inside it is flagged.</summary>
internal sealed record DetectionReport(int WindowsHit, int Windows, int FlaggedOutsideWindows, int Flagged)
{
    public static DetectionReport Evaluate(NabSeries series, bool[] flags)
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

        return new DetectionReport(Array.FindAll(hit, h => h).Length, hit.Length, outside, flagged);
    }

    public override string ToString() =>
        $"windows hit {WindowsHit}/{Windows}, points flagged outside windows {FlaggedOutsideWindows}, points flagged {Flagged}";
}
