using System.Globalization;
using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LogPipeline.Testing;

namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// Runs the whole app (the AppHost's own composition on Aspire's test host, random ports, every setting at its
/// default but the generator's seed) and judges it from the outside: after the warm-up it requests the bursts, then
/// pauses the generator, waits until every record of the judged window is stored, and reads the verdicts back
/// through the Query API with this run's key.
/// </summary>
public static class LiveEvaluation
{
    static readonly string[] Resources = ["dynamodb", "generator", "kafka", "pipeline", "queryapi", "rcf", "scorer", "writer"];
    // Generous: on a shared 2-core machine the services may answer their first health checks only after minutes.
    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(12);
    static readonly TimeSpan StoreTimeout = TimeSpan.FromMinutes(5);
    static readonly TimeSpan StableFor = TimeSpan.FromSeconds(3);

    public static async Task<EvaluationResult> RunAsync(EvaluationOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var apiKey = "evaluator-" + Guid.NewGuid().ToString("N");
        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startTimeout.CancelAfter(StartTimeout);
        string[] rateSetting = options.Rate is { } logsPerSecond ? [string.Create(CultureInfo.InvariantCulture, $"--Pipeline:Generator:RatePerSecond={logsPerSecond}")] : [];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LogPipeline_AppHost>(
            [
                string.Create(CultureInfo.InvariantCulture, $"--Pipeline:Generator:Seed={options.Seed}"),
                .. rateSetting,
                // Reading a 30-minute window back takes more requests than a key's default 300 per 10 s.
                "--Pipeline:QueryApi:RateLimit:PermitLimit=1000000",
                "--Ports:Fixed=false",
                "--ResourceList:Url=http://127.0.0.1:0",
                $"--Parameters:queryapi-key={apiKey}",
            ],
            startTimeout.Token).WaitAsync(startTimeout.Token);
        await using var app = await builder.BuildAsync(startTimeout.Token).WaitAsync(startTimeout.Token);
        await app.StartAsync(startTimeout.Token).WaitAsync(startTimeout.Token);
        await Task.WhenAll(Resources.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, startTimeout.Token)))
            .WaitAsync(startTimeout.Token);
        log.WriteLine($"app healthy; {options.Describe()}");

        using var generator = new GeneratorControl(Client(app, "generator"));
        using var query = new StoredVerdicts(QueryClient(app, apiKey));
        var (_, rate) = await generator.StatusAsync(cancellationToken);

        // The run's stated time: the warm-up and the judged window are measured on the wall clock.
        await Task.Delay(options.WarmUp, cancellationToken);
        var from = Now();
        var (producedAtStart, _) = await generator.StatusAsync(cancellationToken);
        log.WriteLine($"judging from {Iso(from)} at {rate} logs/s");

        var bursts = new List<BurstWindow>();
        var kinds = Kinds();
        var end = from + (long)options.Duration.TotalMilliseconds;
        var interval = (long)options.BurstInterval.TotalMilliseconds;
        for (var next = from + (interval / 2); next < end; next += interval)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, next - Now())), cancellationToken);
            var burst = await generator.BurstAsync(kinds[bursts.Count % kinds.Length], options.BurstSize, cancellationToken);
            bursts.Add(burst);
            log.WriteLine($"burst {bursts.Count}: {burst.Count} {burst.Kind} sent within {burst.SentAt - burst.RequestedAt} ms");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, end - Now())), cancellationToken);
        await generator.PauseAsync(cancellationToken);
        var to = Now();
        var (producedAtEnd, _) = await generator.StatusAsync(cancellationToken);
        log.WriteLine($"paused the generator at {Iso(to)}; it sent about {producedAtEnd - producedAtStart} records in the window; reading them back");

        var previous = -1;
        var stableSince = 0L;
        var verdicts = await Eventually.UntilAsync(
            ct => query.ReadAsync(from, to, bursts, ct),
            read =>
            {
                if (read.Count != previous)
                {
                    previous = read.Count;
                    stableSince = Now();
                    return false;
                }

                return Now() - stableSince >= StableFor.TotalMilliseconds;
            },
            StoreTimeout,
            "every record of the judged window is stored",
            read => $"{read.Count} stored",
            TimeSpan.FromSeconds(1));
        log.WriteLine($"read back {verdicts.Count} verdicts through the Query API");
        return new EvaluationResult(DetectionReport.From(verdicts), bursts, from, to, producedAtEnd - producedAtStart, rate);
    }

    static string[] Kinds() => [.. Generator.Traffic.AnomalyLabels.Injectable.Select(Generator.Traffic.AnomalyLabels.Label)];

    static HttpClient Client(DistributedApplication app, string resource)
    {
        var client = app.CreateHttpClient(resource);
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    static HttpClient QueryClient(DistributedApplication app, string apiKey)
    {
        var client = Client(app, "queryapi");
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
