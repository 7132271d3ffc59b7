using System.Globalization;

namespace LogPipeline.LoadHarness;

/// <summary>
/// What to run: the generator's rates in turn, each first settled for <see cref="Warmup"/> and then measured for
/// <see cref="Duration"/>, with <see cref="MarkedPerSecond"/> marked records of the harness's own among the traffic.
/// </summary>
public sealed record HarnessOptions
{
    public IReadOnlyList<double> Rates { get; init; } = [500, 1000, 2000, 3000, 5000];

    /// <summary>Measured time per rate.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time at each new rate before measuring, so that the window shows the rate, not the change.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Marked records the harness produces itself per second of the measured window (on top of the rate).</summary>
    public double MarkedPerSecond { get; init; } = 5;

    /// <summary>A marked record not readable through the Query API this long after it was sent counts as lost.</summary>
    public TimeSpan LostAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the stages may take to catch up once the generator is paused at the end.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>All Query API polls for marked records together stay under this many requests per second.</summary>
    /// <remarks>
    /// Kept low: in the whole app more polls went with a slower writer (at 84 reads/s it stored 105 logs/s of 500; at 5
    /// reads/s it kept up at 1,000), although the same reads alone do not slow DynamoDB Local's writes. Until that is
    /// explained, the harness does not risk measuring its own reads.
    /// </remarks>
    public double MaxPollsPerSecond { get; init; } = 20;

    /// <summary>Lag growing faster than this share of the rate (per second, over the measured window) is "not keeping up".</summary>
    public double GrowingLagShare { get; init; } = 0.05;

    /// <summary>Where the report, the chart and the samples go; null: <c>.artifacts/load-harness/&lt;UTC time&gt;</c>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>App host settings (<c>Key=Value</c>, e.g. <c>Replicas:writer=2</c> or <c>Pipeline:Writer:BatchSize=2000</c>) to measure a variant.</summary>
    public IReadOnlyList<string> AppHostSettings { get; init; } = [];

    public static readonly string Usage =
        "Options: --rates 500,1000,2000 (logs/s), --duration S (measured per rate), --warmup S (per rate), " +
        "--marked N (marked records/s), --lost-after S, --drain-timeout S, --max-polls N (Query API requests/s), --output DIR, --set Key=Value (an app host setting, repeatable).";

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--rates" => options with { Rates = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Number)] },
                "--duration" => options with { Duration = Seconds(Value()) },
                "--warmup" => options with { Warmup = Seconds(Value()) },
                "--marked" => options with { MarkedPerSecond = Number(Value()) },
                "--lost-after" => options with { LostAfter = Seconds(Value()) },
                "--drain-timeout" => options with { DrainTimeout = Seconds(Value()) },
                "--max-polls" => options with { MaxPollsPerSecond = Number(Value()) },
                "--output" => options with { OutputDirectory = Value() },
                "--set" => options with { AppHostSettings = [.. options.AppHostSettings, Setting(Value())] },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }

        if (options.Rates.Count == 0 || options.Rates.Any(r => r <= 0 || !double.IsFinite(r)))
        {
            throw new ArgumentException($"--rates needs one or more positive numbers. {Usage}");
        }

        if (options.Duration <= TimeSpan.Zero || options.Warmup < TimeSpan.Zero || options.MarkedPerSecond <= 0 || options.MaxPollsPerSecond <= 0 || options.LostAfter <= TimeSpan.Zero || options.DrainTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"--duration, --marked, --max-polls, --lost-after and --drain-timeout must be positive, --warmup not negative. {Usage}");
        }

        return options;
    }

    static string Setting(string text) =>
        text.IndexOf('=', StringComparison.Ordinal) > 0 ? text : throw new ArgumentException($"--set needs Key=Value, not '{text}'. {Usage}");

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"rates {string.Join(", ", Rates)} logs/s, {Warmup.TotalSeconds:F0} s warm-up + {Duration.TotalSeconds:F0} s measured each, {MarkedPerSecond} marked records/s{(AppHostSettings.Count == 0 ? "" : "; " + string.Join(", ", AppHostSettings))}");

    static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(Number(value));
}
