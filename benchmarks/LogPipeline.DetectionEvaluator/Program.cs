using System.Globalization;
using System.Text.Json;
using LogPipeline.DetectionEvaluator;

// dotnet run -c Release --project benchmarks/LogPipeline.DetectionEvaluator -- [--duration S] [--warm-up S] [--seed N]
//   [--burst-interval S] [--burst-size N] [--plot docs/images/detection-scores.svg] [--verdicts FILE.jsonl] [--replay]
var options = EvaluationOptions.Parse(args);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var result = options.Replay
    ? ReplayEvaluation.Run(options, Console.Out)
    : await LiveEvaluation.RunAsync(options, Console.Out, cancellation.Token);
var report = result.Report;
var source = options.Replay ? "in-process replay" : "the app, verdicts read back through the Query API";
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Detection quality ({source}): {options.Describe()}; {report.Verdicts.Count} records judged ({report.Normal} normal, {report.Overall.Injected} labelled anomalies, {result.Bursts.Count} bursts) at {result.RatePerSecond} logs/s"));
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());

if (options.PlotPath is { } plot)
{
    ScorePlot.Write(report, string.Create(CultureInfo.InvariantCulture, $"Anomaly scores by kind ({source}; seed {options.Seed}, {options.Duration.TotalMinutes:F0} min judged)"), plot);
    Console.WriteLine($"plot: {plot}");
}

if (options.VerdictsPath is { } path)
{
    await File.WriteAllLinesAsync(path, report.Verdicts.Select(v => JsonSerializer.Serialize(v)));
    Console.WriteLine($"verdicts: {path}");
}
