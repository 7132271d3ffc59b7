namespace LogPipeline.Hosting.Telemetry;

/// <summary>The points of one attribute combination of an instrument, oldest first, bounded.</summary>
sealed class MetricSeries(IReadOnlyList<KeyValuePair<string, string>> attributes, int capacity)
{
    readonly Queue<MetricPoint> _points = new();

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; } = attributes;

    public MetricPoint? Last { get; private set; }

    public IEnumerable<MetricPoint> Points => _points;

    public void Add(MetricPoint point)
    {
        if (Last is { } last && point.TimeMs <= last.TimeMs)
        {
            return;
        }

        if (_points.Count == capacity)
        {
            _points.Dequeue();
        }

        _points.Enqueue(point);
        Last = point;
    }

    public string Label => Attributes.Count == 0 ? "(no attributes)" : string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"));
}
