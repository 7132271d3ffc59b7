namespace LogPipeline.LoadHarness;

/// <summary>
/// One stage's consumer lag over a measured window: at its start and end, and its trend (least-squares slope, records
/// per second). A stage whose lag grows by more than a share of the rate each second does not keep up.
/// </summary>
public sealed record StageLag(string Stage, long Start, long End, double SlopePerSecond)
{
    public static StageLag Of(string stage, IReadOnlyList<StageSample> window, Func<StageSample, long> lag)
    {
        if (window.Count == 0)
        {
            return new StageLag(stage, 0, 0, 0);
        }

        var t0 = window[0].AtMs;
        double n = window.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var sample in window)
        {
            var x = (sample.AtMs - t0) / 1000.0;
            double y = lag(sample);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }

        var denominator = (n * sxx) - (sx * sx);
        var slope = denominator == 0 ? 0 : ((n * sxy) - (sx * sy)) / denominator;
        return new StageLag(stage, lag(window[0]), lag(window[^1]), slope);
    }
}
