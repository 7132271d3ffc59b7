using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;

namespace LogPipeline.AppHost.Tests;

/// <summary>
/// Which partitions each replica consumes now, read from its console log as Aspire's dashboard shows it: the Kafka
/// stages log "Partitions assigned: …" on every rebalance (the embedded broker does not answer DescribeGroups).
/// </summary>
public sealed partial class PartitionAssignments : IDisposable
{
    readonly ConcurrentDictionary<string, int[]> _owned = new();
    readonly CancellationTokenSource _stop;

    public PartitionAssignments(ResourceLoggerService logs, IReadOnlyList<string> replicaIds, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        foreach (var id in replicaIds)
        {
            _ = Task.Run(() => FollowAsync(logs, id, _stop.Token), _stop.Token);
        }
    }

    /// <summary>The partitions <paramref name="replicaId"/> was last assigned (empty before its first assignment or after a revocation).</summary>
    public List<int> Of(string replicaId) => [.. _owned.GetValueOrDefault(replicaId, [])];

    async Task FollowAsync(ResourceLoggerService logs, string replicaId, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(replicaId).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    if (line.Content.Contains("Partitions assigned:", StringComparison.Ordinal))
                    {
                        _owned[replicaId] = [.. PartitionNumber().Matches(line.Content).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order()];
                    }
                    else if (line.Content.Contains("Partitions revoked:", StringComparison.Ordinal))
                    {
                        _owned[replicaId] = [];
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A partition as Confluent.Kafka writes a <c>TopicPartition</c>: <c>logs.scored [[3]]</c>.</summary>
    [GeneratedRegex(@"\[\[(\d+)\]\]")]
    private static partial Regex PartitionNumber();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
