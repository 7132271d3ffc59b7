using System.Diagnostics;

namespace LogPipeline.QueryApi.Benchmarks.Load;

/// <summary>
/// Sends a scenario's requests over real HTTP, <c>concurrency</c> at a time, and times each from sending to the last
/// byte of the body. Anything but 200 is an error, reported with its body and left out of the latencies.
/// </summary>
sealed class LoadRunner(HttpClient http, int warmUp, int requests, int concurrency, TimeSpan maxDuration, int seed)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        for (var i = 0; i < warmUp; i++)
        {
            await SendAsync(scenario.NextUrl(random), cancellationToken);
        }

        var latencies = new double[requests];
        var ok = new bool[requests];
        var bytes = new long[requests];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(maxDuration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var workerRandom = new Random(HashCode.Combine(seed, worker));
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && Stopwatch.GetTimestamp() < deadline)
            {
                var url = scenario.NextUrl(workerRandom);
                var sent = Stopwatch.GetTimestamp();
                var (status, body) = await SendAsync(url, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                bytes[i] = body.Length;
                ok[i] = status == 200;
                if (!ok[i] && Interlocked.Increment(ref errors) == 1)
                {
                    firstError = $"{url} answered {status}: {body[..Math.Min(body.Length, 300)]}";
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var measured = latencies.Where((_, i) => ok[i]).ToArray();
        var meanBytes = measured.Length == 0 ? 0 : bytes.Where((_, i) => ok[i]).Average();
        return new ScenarioResult(scenario, LatencyStatistics.From(measured), (measured.Length + errors) / seconds, errors, firstError, meanBytes);
    }

    async Task<(int Status, string Body)> SendAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, body);
    }
}
