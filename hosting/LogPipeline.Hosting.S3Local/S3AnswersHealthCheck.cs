using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Hosting.S3Local;

/// <summary>Healthy when an external S3 endpoint answers HTTP at all (an unsigned request is refused, which is an answer).</summary>
sealed class S3AnswersHealthCheck(string url) : IHealthCheck
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
