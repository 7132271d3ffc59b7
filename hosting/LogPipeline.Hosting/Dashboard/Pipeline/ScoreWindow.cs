namespace LogPipeline.Hosting.Dashboard.Pipeline;

/// <summary>
/// Anomaly scores downsampled as they arrive: per time bucket the count, mean, maximum, how many were flagged and
/// the threshold in force. Adding is O(1) and allocation-free, so thousands of scores a second cost nothing.
/// </summary>
public sealed class ScoreWindow(int bucketCount, int bucketMilliseconds)
{
    readonly Bucket[] _buckets = new Bucket[bucketCount];
    readonly Lock _lock = new();
    double _threshold = double.NaN;
    long _scored, _flagged;

    public long Scored => Interlocked.Read(ref _scored);

    public long Flagged => Interlocked.Read(ref _flagged);

    /// <summary>The threshold in force from now on (recorded with the scores that follow).</summary>
    public double Threshold
    {
        get => Volatile.Read(ref _threshold);
        set => Volatile.Write(ref _threshold, value);
    }

    public void Add(double timeMs, double score, bool flagged)
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
            bucket.Threshold = _threshold;
            _scored++;
            _flagged += flagged ? 1 : 0;
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
                series.Threshold.Add(double.IsNaN(bucket.Threshold) ? null : Math.Round(bucket.Threshold, 4));
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

/// <summary>The score chart's data, column-wise (compact as JSON).</summary>
public sealed record ScoreSeries(int BucketMilliseconds, double FromMs)
{
    public List<double> Time { get; } = [];

    public List<int> Count { get; } = [];

    public List<double> Mean { get; } = [];

    public List<double> Max { get; } = [];

    public List<int> Flagged { get; } = [];

    public List<double?> Threshold { get; } = [];
}
