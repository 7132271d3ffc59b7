namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// An instrument one service reports. <see cref="Type"/> is <c>gauge</c>, <c>counter</c> (monotonic sum),
/// <c>updowncounter</c>, <c>histogram</c> or <c>summary</c>; <see cref="Views"/> are the ways it can be charted.
/// </summary>
public sealed record MetricInstrumentInfo(
    string Service,
    string Scope,
    string Name,
    string Description,
    string Unit,
    string Type,
    int SeriesCount,
    double LastMs)
{
    public IReadOnlyList<string> Views => Type switch
    {
        "counter" => ["rate", "value"],
        "histogram" => ["p95", "p50", "p99", "mean", "rate"],
        "summary" => ["mean", "rate"],
        _ => ["value"],
    };
}

/// <summary>An instrument's series drawn one way (<c>value</c>, <c>rate</c> per second, <c>mean</c>, <c>p50</c>…).</summary>
public sealed record MetricChart(MetricInstrumentInfo Instrument, string View, IReadOnlyList<ChartSeries> Series);

/// <summary>One line of a chart: its attributes and <c>[epoch ms, value]</c> points.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<KeyValuePair<string, string>> Attributes, IReadOnlyList<double[]> Points);

/// <summary>The latest value of one series, with the service that reported it.</summary>
public sealed record LatestValue(string Service, IReadOnlyList<KeyValuePair<string, string>> Attributes, double Value, double TimeMs)
{
    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key).Value;
}
