using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Kafka;

/// <summary>Reports a <see cref="BatchConsumerWorker"/>'s state: retrying is Degraded, stopped is Unhealthy.</summary>
public sealed class WorkerHealthCheck<TWorker>(TWorker worker) : IHealthCheck where TWorker : BatchConsumerWorker
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(worker.State switch
        {
            WorkerState.Running => HealthCheckResult.Healthy($"{worker.CommittedMessages} messages committed"),
            WorkerState.Starting => HealthCheckResult.Healthy("starting"),
            WorkerState.Retrying => HealthCheckResult.Degraded($"retrying a batch: {worker.LastError}"),
            _ => HealthCheckResult.Unhealthy(worker.ExecuteTask?.Exception?.GetBaseException().Message ?? "stopped"),
        });
}
