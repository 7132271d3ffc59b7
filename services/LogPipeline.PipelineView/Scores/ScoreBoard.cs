using LogPipeline.Contracts;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView.Scores;

/// <summary>
/// What the scored records tell: the score chart's buckets, the threshold last in force, how many records were seen
/// and flagged since the view started, and the latest flagged ones. Written by <see cref="ScoredLogTail"/>, read by
/// the monitor.
/// </summary>
public sealed class ScoreBoard
{
    readonly ScoreWindow _window;
    readonly int _latestCount;
    /// <summary>The newest flagged records by the time they were scored, oldest first: partitions arrive out of order.</summary>
    readonly List<DetectedAnomaly> _latest;
    readonly Lock _lock = new();
    long _seen, _flagged;
    double _threshold = double.NaN;
    string? _thresholdMode;

    public ScoreBoard(IOptions<PipelineViewOptions> options)
    {
        var o = options.Value;
        _window = new ScoreWindow(Math.Max(1, o.WindowSeconds * 1000 / o.BucketMilliseconds), o.BucketMilliseconds);
        _latestCount = Math.Max(1, o.LatestAnomalies);
        _latest = new List<DetectedAnomaly>(_latestCount + 1);
    }

    public long Seen => Interlocked.Read(ref _seen);

    public long Flagged => Interlocked.Read(ref _flagged);

    /// <summary>The threshold carried by the newest scored record, or NaN before the first.</summary>
    public double Threshold => Volatile.Read(ref _threshold);

    public string? ThresholdMode => Volatile.Read(ref _thresholdMode);

    public void Add(ScoredLog scored, string? traceId)
    {
        var (log, verdict) = scored;
        _window.Add(verdict.ScoredAt, verdict.AnomalyScore, verdict.IsAnomaly, verdict.Threshold);
        Interlocked.Increment(ref _seen);
        Volatile.Write(ref _threshold, verdict.Threshold);
        Volatile.Write(ref _thresholdMode, verdict.ThresholdMode);
        if (!verdict.IsAnomaly)
        {
            return;
        }

        var anomaly = new DetectedAnomaly(log.LogIdentifier, verdict.AnomalyScore, verdict.ScoredAt, traceId, log.InjectedAnomaly, verdict.Explanation);
        lock (_lock)
        {
            var at = _latest.Count;
            while (at > 0 && _latest[at - 1].TimeMs > anomaly.TimeMs)
            {
                at--;
            }

            _latest.Insert(at, anomaly);
            if (_latest.Count > _latestCount)
            {
                _latest.RemoveAt(0);
            }
        }

        // Counted once listed, so a reader that sees the count also sees the anomaly.
        Interlocked.Increment(ref _flagged);
    }

    public ScoreSeries Scores(double nowMs) => _window.Snapshot(nowMs);

    /// <summary>The latest flagged records, newest first.</summary>
    public DetectedAnomaly[] LatestAnomalies()
    {
        lock (_lock)
        {
            var latest = _latest.ToArray();
            Array.Reverse(latest);
            return latest;
        }
    }
}
