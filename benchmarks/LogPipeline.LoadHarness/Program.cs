using LogPipeline.LoadHarness;

// dotnet run -c Release --project benchmarks/LogPipeline.LoadHarness -- [--rates 500,1000,2000,3000,5000]
//   [--duration S] [--warmup S] [--marked N] [--lost-after S] [--output DIR]   (eng/load-test.sh builds and runs it)
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var directory = options.OutputDirectory ?? ReportFiles.DefaultDirectory();
var loadAtStart = ReportFiles.LoadAverage();
Console.WriteLine($"load harness: {options.Describe()}; starting the app (load average {loadAtStart})");
LoadReport report;
await using (var app = await LoadApp.StartAsync(Console.Out, options.AppHostSettings, cancellation.Token))
{
    report = await LoadRun.RunAsync(app, options, Console.Out, cancellation.Token);
    Console.WriteLine("stopping the app");
}

var markdown = report.ToMarkdown($"{loadAtStart} at the start, {ReportFiles.LoadAverage()} at the end");
await ReportFiles.WriteAsync(report, markdown, directory, CancellationToken.None);
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"report: {Path.Combine(directory, ReportFiles.Markdown)}; chart: {Path.Combine(directory, ReportFiles.Chart)}; samples: {directory}/*.csv");
return 0;
