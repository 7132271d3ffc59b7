namespace LogPipeline.PipelineView;

/// <summary>
/// A stage's running total sampled over time; its rate is the change between consecutive samples. Keeps the rates
/// of the last window for the throughput chart.
/// </summary>
public sealed class StageHistory(string stage, double windowMilliseconds)
{
    readonly Queue<double[]> _rates = new();
    double _lastTimeMs = double.NaN;
    long _lastTotal;
    double _lastRate;

    public string Stage => stage;

    public void Add(double timeMs, long total)
    {
        if (!double.IsNaN(_lastTimeMs) && timeMs > _lastTimeMs)
        {
            // A total that went down (a topic recreated, a group reset) starts over rather than showing a negative rate.
            var rate = total >= _lastTotal ? (total - _lastTotal) * 1000.0 / (timeMs - _lastTimeMs) : 0;
            _lastRate = Math.Round(rate, 2);
            _rates.Enqueue([timeMs, _lastRate]);
        }

        while (_rates.TryPeek(out var oldest) && oldest[0] < timeMs - windowMilliseconds)
        {
            _rates.Dequeue();
        }

        _lastTimeMs = timeMs;
        _lastTotal = total;
    }

    public StageThroughput Snapshot() =>
        new(stage, _lastRate, _lastTotal, _rates.ToArray());
}
