namespace LogPipeline.Hosting.Telemetry;

/// <summary>Turns cumulative points into what a chart shows: values, per-second rates, interval means and percentiles.</summary>
static class MetricMath
{
    public static MetricPoint Accumulate(MetricPoint total, MetricPoint delta)
    {
        long[]? buckets = null;
        if (delta.Buckets is { } added)
        {
            buckets = (long[])added.Clone();
            if (total.Buckets is { } previous && previous.Length == added.Length)
            {
                for (var i = 0; i < buckets.Length; i++)
                {
                    buckets[i] += previous[i];
                }
            }
        }

        return delta with { Value = total.Value + delta.Value, Sum = total.Sum + delta.Sum, Buckets = buckets };
    }

    /// <summary><c>[epoch ms, value]</c> points of one series (oldest first) for a view.</summary>
    public static IReadOnlyList<double[]> View(IReadOnlyList<MetricPoint> points, string view)
    {
        if (view == "value")
        {
            return points.Select(p => new[] { p.TimeMs, p.Value }).ToArray();
        }

        var result = new List<double[]>(points.Count);
        for (var i = 1; i < points.Count; i++)
        {
            var (previous, current) = (points[i - 1], points[i]);
            var seconds = (current.TimeMs - previous.TimeMs) / 1000;
            var reset = current.Value < previous.Value;
            var count = reset ? current.Value : current.Value - previous.Value;
            var sum = reset ? current.Sum : current.Sum - previous.Sum;
            double? value = view switch
            {
                "rate" => seconds > 0 ? count / seconds : null,
                "mean" => count > 0 ? sum / count : null,
                "p50" => Percentile(reset ? null : previous, current, 0.50),
                "p95" => Percentile(reset ? null : previous, current, 0.95),
                "p99" => Percentile(reset ? null : previous, current, 0.99),
                _ => null,
            };
            if (value is { } v && double.IsFinite(v))
            {
                result.Add([current.TimeMs, v]);
            }
        }

        return result;
    }

    /// <summary>The quantile of the values recorded between two cumulative histogram points, interpolated in its bucket.</summary>
    public static double? Percentile(MetricPoint? previous, MetricPoint current, double quantile)
    {
        if (current is not { Buckets: { } buckets, Bounds: { } bounds } || buckets.Length != bounds.Length + 1)
        {
            return null;
        }

        var counts = new long[buckets.Length];
        long total = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            var before = previous?.Buckets is { } old && old.Length == buckets.Length ? old[i] : 0;
            counts[i] = Math.Max(0, buckets[i] - before);
            total += counts[i];
        }

        if (total == 0)
        {
            return null;
        }

        var target = quantile * total;
        double seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < target)
            {
                seen += counts[i];
                continue;
            }

            if (bounds.Length == 0)
            {
                return null;
            }

            var upper = i < bounds.Length ? bounds[i] : bounds[^1];
            var lower = i == 0 ? Math.Min(0, upper) : bounds[i - 1];
            return i >= bounds.Length ? upper : lower + ((upper - lower) * (target - seen) / counts[i]);
        }

        return bounds.Length > 0 ? bounds[^1] : null;
    }
}
