using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogPipeline.Hosting.Kafka;

/// <summary>Healthy when the cluster's first bootstrap broker accepts a TCP connection (not while it is set down).</summary>
sealed class EmbeddedKafkaHealthCheck(EmbeddedKafkaResource resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (resource.Cluster is { IsDown: true })
        {
            return HealthCheckResult.Unhealthy("The broker was taken down (command broker-down).");
        }

        var servers = resource.ExternalBootstrapServers ?? resource.Cluster?.BootstrapServers;
        if (servers is null)
        {
            return HealthCheckResult.Unhealthy("Not started yet.");
        }

        var first = servers.Split(',')[0];
        var colon = first.LastIndexOf(':');
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(first[..colon], int.Parse(first[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"No answer from {first}: {ex.Message}");
        }
    }
}
