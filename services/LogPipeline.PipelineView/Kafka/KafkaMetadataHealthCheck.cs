using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.PipelineView.Kafka;

/// <summary>Ready once the broker answers a metadata request: before that the view has nothing to show.</summary>
public sealed class KafkaMetadataHealthCheck(KafkaOffsetSampler offsets) : IHealthCheck
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var topics = await Task.Run(() => offsets.Partitions(Timeout), cancellationToken);
            return HealthCheckResult.Healthy($"Kafka answered: {topics.Count} topics.");
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy($"Kafka did not answer a metadata request: {ex.Error.Reason}");
        }
    }
}
