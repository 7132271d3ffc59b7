namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// Every instrument every service reports, as bounded time series per attribute combination, with the views the
/// metrics page charts and the aggregates the pipeline view needs.
/// </summary>
public sealed class MetricStore(TelemetryOptions options)
{
    readonly Lock _lock = new();
    readonly Dictionary<(string Service, string Name), Instrument> _instruments = [];

    /// <summary>Records one data point; <paramref name="isDelta"/> points are added to the series' running total.</summary>
    public void Record(string service, string scope, string name, string description, string unit, string type, bool isDelta,
        IReadOnlyList<KeyValuePair<string, string>> attributes, MetricPoint point)
    {
        lock (_lock)
        {
            if (!_instruments.TryGetValue((service, name), out var instrument))
            {
                instrument = new Instrument(service, scope, name, description, unit, type);
                _instruments.Add((service, name), instrument);
            }

            var key = string.Join('\u001f', attributes.Select(a => a.Key + "=" + a.Value));
            if (!instrument.Series.TryGetValue(key, out var series))
            {
                if (instrument.Series.Count >= options.MaxSeriesPerInstrument)
                {
                    return;
                }

                series = new MetricSeries(attributes, options.MaxPointsPerSeries);
                instrument.Series.Add(key, series);
            }

            series.Add(isDelta && series.Last is { } last ? MetricMath.Accumulate(last, point) : point);
            instrument.LastMs = Math.Max(instrument.LastMs, point.TimeMs);
        }
    }

    public IReadOnlyList<MetricInstrumentInfo> Instruments()
    {
        lock (_lock)
        {
            return _instruments.Values.Select(i => i.Info).OrderBy(i => i.Service, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The instrument's series drawn as <paramref name="view"/> (its first view when null or unknown), since a time.</summary>
    public MetricChart? Chart(string service, string name, string? view, double sinceMs = 0)
    {
        lock (_lock)
        {
            if (!_instruments.TryGetValue((service, name), out var instrument))
            {
                return null;
            }

            var info = instrument.Info;
            var chosen = view is not null && info.Views.Contains(view) ? view : info.Views[0];
            var series = instrument.Series.Values
                .Select(s => new ChartSeries(s.Label, s.Attributes, MetricMath.View(s.Points.Where(p => p.TimeMs >= sinceMs).ToList(), chosen)))
                .OrderBy(s => s.Label, StringComparer.Ordinal)
                .ToArray();
            return new MetricChart(info, chosen, series);
        }
    }

    /// <summary>The latest value of every series named <paramref name="name"/>, from every service.</summary>
    public IReadOnlyList<LatestValue> Latest(string name)
    {
        lock (_lock)
        {
            return _instruments.Values
                .Where(i => i.Name == name)
                .SelectMany(i => i.Series.Values.Where(s => s.Last is not null).Select(s => new LatestValue(i.Service, s.Attributes, s.Last!.Value, s.Last.TimeMs)))
                .ToArray();
        }
    }

    /// <summary>
    /// Per-second rate of a counter over time, summed over the series that <paramref name="include"/> accepts (from
    /// every service), one point per report.
    /// </summary>
    public IReadOnlyList<double[]> RateHistory(string name, Func<LatestValue, bool>? include = null, double sinceMs = 0)
    {
        var totals = new SortedDictionary<double, double>();
        lock (_lock)
        {
            foreach (var instrument in _instruments.Values.Where(i => i.Name == name))
            {
                foreach (var series in instrument.Series.Values)
                {
                    if (series.Last is null || (include is not null && !include(new LatestValue(instrument.Service, series.Attributes, series.Last.Value, series.Last.TimeMs))))
                    {
                        continue;
                    }

                    foreach (var point in MetricMath.View(series.Points.ToList(), "rate"))
                    {
                        if (point[0] >= sinceMs)
                        {
                            // Series of one report share a timestamp; round so that reports of one moment add up.
                            var second = Math.Round(point[0] / 1000) * 1000;
                            totals[second] = totals.GetValueOrDefault(second) + point[1];
                        }
                    }
                }
            }
        }

        return totals.Select(t => new[] { t.Key, t.Value }).ToArray();
    }

    sealed class Instrument(string service, string scope, string name, string description, string unit, string type)
    {
        public string Service => service;

        public string Name => name;

        public Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);

        public double LastMs { get; set; }

        public MetricInstrumentInfo Info => new(service, scope, name, description, unit, type, Series.Count, LastMs);
    }
}
