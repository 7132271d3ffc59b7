using LogPipeline.Kafka.DeadLetters;
using LogPipeline.Storage.Redrive;

namespace LogPipeline.QueryApi.Redrive;

/// <summary>The re-driver's <see cref="IRedriveLedger"/>, kept in DynamoDB by <see cref="RedriveLedger"/>.</summary>
public sealed class StoredRedriveLedger(RedriveLedger ledger) : IRedriveLedger
{
    public Task<string?> TryClaimAsync(string topic, DeadLetterId id, string logId, CancellationToken cancellationToken) =>
        ledger.TryClaimAsync(topic, id.Partition, id.Offset, logId, cancellationToken);

    public Task ConfirmAsync(string topic, DeadLetterId id, string claim, CancellationToken cancellationToken) =>
        ledger.ConfirmAsync(topic, id.Partition, id.Offset, claim, cancellationToken);

    public Task ReleaseAsync(string topic, DeadLetterId id, string claim, CancellationToken cancellationToken) =>
        ledger.ReleaseAsync(topic, id.Partition, id.Offset, claim, cancellationToken);
}
