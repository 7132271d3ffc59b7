using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Kafka;

/// <summary>
/// Reports a <see cref="BatchConsumerWorker"/>'s state: retrying a batch briefly is Degraded, retrying the same batch
/// past <see cref="BatchConsumerOptions.StuckThreshold"/> is Unhealthy (the stage is stuck), stopped is Unhealthy.
/// </summary>
public sealed class WorkerHealthCheck<TWorker>(TWorker worker) : IHealthCheck where TWorker : BatchConsumerWorker
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(worker.State switch
        {
            WorkerState.Running => HealthCheckResult.Healthy($"{worker.CommittedMessages} messages committed, {worker.IsolatedMessages} isolated"),
            WorkerState.Starting => HealthCheckResult.Healthy("starting"),
            WorkerState.Retrying when worker.RetryingFor > worker.Options.StuckThreshold =>
                HealthCheckResult.Unhealthy($"stuck: the same batch has failed for {worker.RetryingFor.TotalSeconds:F0} s: {worker.LastError}"),
            WorkerState.Retrying => HealthCheckResult.Degraded($"retrying a batch for {worker.RetryingFor.TotalSeconds:F0} s: {worker.LastError}"),
            _ => HealthCheckResult.Unhealthy(worker.ExecuteTask?.Exception?.GetBaseException().Message ?? "stopped"),
        });
}
