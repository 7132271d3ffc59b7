namespace LogPipeline.QueryApi.Benchmarks.Load;

/// <summary>Percentiles by nearest rank over every measured request (no histogram bucketing, no sampling).</summary>
sealed record LatencyStatistics(int Count, double Mean, double P50, double P90, double P99, double Max)
{
    public static LatencyStatistics From(Span<double> milliseconds)
    {
        if (milliseconds.IsEmpty)
        {
            return new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        milliseconds.Sort();
        var sum = 0.0;
        foreach (var value in milliseconds)
        {
            sum += value;
        }

        return new(milliseconds.Length, sum / milliseconds.Length, Rank(milliseconds, 0.50), Rank(milliseconds, 0.90), Rank(milliseconds, 0.99), milliseconds[^1]);
    }

    static double Rank(Span<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
