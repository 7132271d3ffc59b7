using LogPipeline.Generator.Publishing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Generator.Generation;

/// <summary>Unhealthy once the rate loop has stopped; healthy (with its counts) while it runs.</summary>
public sealed class TrafficGeneratorHealthCheck(TrafficGenerator generator, GeneratorMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(generator.ExecuteTask switch
        {
            null => HealthCheckResult.Healthy("starting"),
            { IsCompleted: true } task => HealthCheckResult.Unhealthy(task.Exception?.GetBaseException().Message ?? "the rate loop stopped"),
            _ => HealthCheckResult.Healthy($"{metrics.Sent} records sent, {metrics.DeliveryErrors} delivery errors"),
        });
}
