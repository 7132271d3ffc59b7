namespace LogPipeline.Storage.Counters;

/// <summary>
/// Response-time histogram with buckets √2 apart, from 1 ms to about 1.5 minutes, kept as counters so that
/// percentiles over any range can be estimated from the roll-ups (within one bucket: about ±19%).
/// </summary>
public static class LatencyHistogram
{
    public const int BucketCount = 35;
    const double FirstBound = 0.001;

    /// <summary>The bucket holding <paramref name="seconds"/>: bucket i covers (bound(i-1), bound(i)].</summary>
    public static int BucketOf(double seconds)
    {
        if (!(seconds > FirstBound))
        {
            return 0;
        }

        var index = (int)Math.Ceiling(2 * Math.Log2(seconds / FirstBound) - 1e-9);
        return Math.Clamp(index, 0, BucketCount - 1);
    }

    public static double UpperBound(int bucket) => FirstBound * Math.Pow(2, bucket / 2.0);

    /// <summary>Estimates the <paramref name="quantile"/> (0..1), interpolating geometrically inside the bucket.</summary>
    public static double? Percentile(ReadOnlySpan<double> counts, double quantile)
    {
        double total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total <= 0)
        {
            return null;
        }

        var rank = quantile * total;
        double cumulative = 0;
        for (var bucket = 0; bucket < counts.Length; bucket++)
        {
            if (counts[bucket] <= 0)
            {
                continue;
            }

            if (cumulative + counts[bucket] >= rank)
            {
                var upper = UpperBound(bucket);
                var lower = bucket == 0 ? 0 : UpperBound(bucket - 1);
                var fraction = (rank - cumulative) / counts[bucket];
                return bucket == 0 ? upper * fraction : lower * Math.Pow(upper / lower, fraction);
            }

            cumulative += counts[bucket];
        }

        return UpperBound(counts.Length - 1);
    }
}
