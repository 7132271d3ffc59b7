using System.ComponentModel.DataAnnotations;

namespace LogPipeline.Generator;

/// <summary>The <c>Pipeline:Generator</c> section.</summary>
public sealed class GeneratorOptions
{
    public const string SectionName = "Pipeline:Generator";

    public const double MaxRatePerSecond = 10_000;

    /// <summary>Records per second at start; 0 starts paused. Changed at run time with <c>POST /control/rate</c>.</summary>
    [Range(0, MaxRatePerSecond)]
    public double RatePerSecond { get; set; } = 20;

    /// <summary>Seeds the traffic model: the same seed gives the same content.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Chance that a generated record is a background anomaly (of a random kind).</summary>
    [Range(0.0, 1.0)]
    public double AnomalyProbability { get; set; } = 0.01;

    /// <summary>Regular clients in the pool.</summary>
    [Range(1, 1_000_000)]
    public int UserCount { get; set; } = 500;

    /// <summary>How long the control endpoints wait for the broker to acknowledge what they publish.</summary>
    public TimeSpan AcknowledgementTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
