namespace LogPipeline.PipelineView.Scores;

/// <summary>
/// Anomaly scores downsampled as they arrive: per time bucket the count, mean, maximum, how many were flagged and
/// the threshold in force. Adding is O(1) and allocation-free, so thousands of scores a second cost nothing.
/// </summary>
public sealed class ScoreWindow(int bucketCount, int bucketMilliseconds)
{
    readonly Bucket[] _buckets = new Bucket[bucketCount];
    readonly Lock _lock = new();

    public int BucketMilliseconds => bucketMilliseconds;

    public void Add(double timeMs, double score, bool flagged, double threshold)
    {
        var index = (long)Math.Floor(timeMs / bucketMilliseconds);
        lock (_lock)
        {
            ref var bucket = ref _buckets[(int)(index % _buckets.Length)];
            if (bucket.Index != index)
            {
                if (bucket.Index > index)
                {
                    return; // older than the window
                }

                bucket = new Bucket { Index = index, Max = double.MinValue };
            }

            bucket.Count++;
            bucket.Sum += score;
            bucket.Max = Math.Max(bucket.Max, score);
            bucket.Flagged += flagged ? 1 : 0;
            bucket.Threshold = threshold;
        }
    }

    /// <summary>The buckets between <paramref name="nowMs"/> minus the window and now, oldest first, as columns.</summary>
    public ScoreSeries Snapshot(double nowMs)
    {
        var last = (long)Math.Floor(nowMs / bucketMilliseconds);
        var first = last - _buckets.Length + 1;
        var series = new ScoreSeries(bucketMilliseconds, first * (double)bucketMilliseconds);
        lock (_lock)
        {
            for (var index = first; index <= last; index++)
            {
                var bucket = _buckets[(int)(index % _buckets.Length)];
                if (bucket.Index != index || bucket.Count == 0)
                {
                    continue;
                }

                series.Time.Add(index * (double)bucketMilliseconds);
                series.Count.Add(bucket.Count);
                series.Mean.Add(Math.Round(bucket.Sum / bucket.Count, 4));
                series.Max.Add(Math.Round(bucket.Max, 4));
                series.Flagged.Add(bucket.Flagged);
                series.Threshold.Add(double.IsFinite(bucket.Threshold) ? Math.Round(bucket.Threshold, 4) : null);
            }
        }

        return series;
    }

    struct Bucket
    {
        public long Index;
        public int Count;
        public double Sum;
        public double Max;
        public int Flagged;
        public double Threshold;
    }
}
