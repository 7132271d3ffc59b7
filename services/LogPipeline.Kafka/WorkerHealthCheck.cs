using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Kafka;

/// <summary>
/// Reports a <see cref="BatchConsumerWorker"/>'s state: retrying a batch briefly, or a batch still in its first
/// attempt after a third of <see cref="BatchConsumerOptions.StuckThreshold"/> (a call that hangs until its own
/// timeout), is Degraded; a batch still uncommitted past the threshold is Unhealthy, as is a stopped worker.
/// </summary>
public sealed class WorkerHealthCheck<TWorker>(TWorker worker) : IHealthCheck where TWorker : BatchConsumerWorker
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = worker.State;
        var age = worker.UncommittedFor;
        return Task.FromResult(state switch
        {
            WorkerState.Running or WorkerState.Retrying when age > worker.Options.StuckThreshold =>
                HealthCheckResult.Unhealthy($"stuck: the current batch has been uncommitted for {age.TotalSeconds:F0} s: {worker.LastError ?? "still processing"}"),
            WorkerState.Retrying => HealthCheckResult.Degraded($"retrying a batch for {worker.RetryingFor.TotalSeconds:F0} s: {worker.LastError}"),
            WorkerState.Running when age > worker.Options.StuckThreshold / 3 =>
                HealthCheckResult.Degraded($"slow: the current batch has been processing for {age.TotalSeconds:F0} s"),
            WorkerState.Running => HealthCheckResult.Healthy($"{worker.CommittedMessages} messages committed, {worker.IsolatedMessages} isolated"),
            WorkerState.Starting => HealthCheckResult.Healthy("starting"),
            _ => HealthCheckResult.Unhealthy(worker.ExecuteTask?.Exception?.GetBaseException().Message ?? "stopped"),
        });
    }
}
