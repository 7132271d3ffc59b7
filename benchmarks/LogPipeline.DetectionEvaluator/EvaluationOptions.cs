using System.Globalization;

namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// What to run: the generator's seed, how long to let the model warm up before judging, how long to judge, and the
/// bursts requested meanwhile (one every <see cref="BurstInterval"/>, the kinds in turn). Everything else is the
/// app's default, including the generator's rate and its 1% background anomalies.
/// </summary>
public sealed record EvaluationOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Traffic before the judged window: the forest and the adaptive threshold learn what is normal.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The judged window: every record the generator sends in it counts.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan BurstInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int BurstSize { get; init; } = 20;

    /// <summary>The generator's background rate in logs per second; null keeps the app's default.</summary>
    public int? Rate { get; init; }

    /// <summary>Where the plot goes; null writes none.</summary>
    public string? PlotPath { get; init; }

    /// <summary>Where the verdicts go as JSON lines (for replaying other thresholds); null writes none.</summary>
    public string? VerdictsPath { get; init; }

    /// <summary>Run the traffic through the scorer's code in this process instead of the app (fast, no Kafka).</summary>
    public bool Replay { get; init; }

    public static EvaluationOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EvaluationOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--warm-up" => options with { WarmUp = Seconds(Value()) },
                "--duration" => options with { Duration = Seconds(Value()) },
                "--burst-interval" => options with { BurstInterval = Seconds(Value()) },
                "--burst-size" => options with { BurstSize = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--plot" => options with { PlotPath = Value() },
                "--verdicts" => options with { VerdictsPath = Value() },
                "--replay" => options with { Replay = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --seed N, --warm-up S, --duration S, --burst-interval S, --burst-size N, --rate N, --plot FILE.svg, --verdicts FILE.jsonl, --replay."),
            };
        }

        return options;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, {(Rate is { } rate ? $"{rate} logs/s, " : "")}{WarmUp.TotalSeconds:F0} s warm-up, {Duration.TotalSeconds:F0} s judged, a burst of {BurstSize} every {BurstInterval.TotalSeconds:F0} s (kinds in turn)");

    static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
