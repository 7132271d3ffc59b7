namespace LogPipeline.LoadHarness;

/// <summary>Nearest-rank percentiles of latencies in milliseconds; all zero when there are none.</summary>
public sealed record Percentiles(int Count, long P50, long P90, long P99, long Max)
{
    public static Percentiles Of(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(0, 0, 0, 0, 0)
            : new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
    }

    static long Rank(long[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
