using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Hosting.DynamoDBLocal;

/// <summary>
/// Healthy when the endpoint answers HTTP at all (an unsigned request gets a 400, which is an answer): unlike a TCP
/// connect, this fails while the process is starting or frozen.
/// </summary>
sealed class DynamoDBAnswersHealthCheck(string url) : IHealthCheck
{
    static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Probe.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"No answer from {url}: {ex.Message}");
        }
    }
}
