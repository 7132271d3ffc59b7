namespace LogPipeline.LoadHarness;

/// <summary>One line of a <see cref="SvgPanel"/>: its legend, colour and points.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);
