using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>Healthy once the models are loaded and there is at least one to serve; describes each.</summary>
sealed class ModelsHealthCheck(ModelRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!registry.IsLoaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("models are loading"));
        }

        var models = registry.List();
        if (models.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no models: create one with PUT /admin/models/{name}"));
        }

        var description = string.Join(", ", models.Select(static m => $"{m.Name} ({m.Settings.Mode.ToString().ToLowerInvariant()}, {m.TotalUpdates} updates)"));
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["models"] = models.Count };
        return Task.FromResult(HealthCheckResult.Healthy($"{models.Count} loaded: {description}", data));
    }
}
