using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;

namespace LogPipeline.Kafka.DeadLetters;

/// <summary>
/// Sends selected dead letters back into <c>logs.raw</c> after a fix, once per log id: each is read again from
/// <c>logs.dlq</c>, checked with the same reader and rules as the scorer (so one that would fail again stays where it
/// is, with today's reason), skipped when its log id is already stored or appears twice in the selection or when an
/// earlier re-drive sent it (the <see cref="IRedriveLedger"/> is claimed before publishing, so two re-drives of one
/// dead letter publish it once), and otherwise published with its original bytes, keyed by its log id and marked with
/// where it came from.
/// </summary>
public sealed class DeadLetterRedriver(DeadLetterTopicReader reader, IProducer<byte[]?, byte[]?> producer, string rawTopic, LogRecordRules rules, IRedriveLedger ledger, TimeProvider clock)
{
    /// <summary>Header of a re-driven message: the dead letter it came from, <c>{dlq topic}/{partition}/{offset}</c>.</summary>
    public const string SourceHeader = "redrive.source";

    public async Task<RedriveResult> RedriveAsync(
        IReadOnlyList<DeadLetterId> ids,
        Func<string, CancellationToken, Task<bool>> isStored,
        CancellationToken cancellationToken)
    {
        var letters = await reader.ReadAsync(ids, cancellationToken).ConfigureAwait(false);
        var items = new List<RedriveItem>(ids.Count);
        var sends = new List<(int Index, DeadLetterId Id, string Claim, Task<DeliveryResult<byte[]?, byte[]?>> Delivery)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var selected = new HashSet<DeadLetterId>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var id in ids)
        {
            if (!selected.Add(id))
            {
                continue;
            }

            if (!letters.TryGetValue(id, out var letter))
            {
                items.Add(new RedriveItem(id, RedriveOutcome.NotFound, null, null));
                continue;
            }

            if (letter.Truncated)
            {
                items.Add(new RedriveItem(id, RedriveOutcome.FailedAgain, null, "the dead letter holds only the beginning of the original message (error.truncated)"));
                continue;
            }

            if (!LogRecordReader.TryRead(letter.Value, rules, now, out var log, out var error))
            {
                items.Add(new RedriveItem(id, RedriveOutcome.FailedAgain, null, error));
                continue;
            }

            if (!seen.Add(log.LogIdentifier))
            {
                items.Add(new RedriveItem(id, RedriveOutcome.Duplicate, log.LogIdentifier, null));
                continue;
            }

            if (await isStored(log.LogIdentifier, cancellationToken).ConfigureAwait(false))
            {
                items.Add(new RedriveItem(id, RedriveOutcome.AlreadyStored, log.LogIdentifier, null));
                continue;
            }

            if (await ledger.TryClaimAsync(reader.Topic, id, log.LogIdentifier, cancellationToken).ConfigureAwait(false) is not { } claim)
            {
                items.Add(new RedriveItem(id, RedriveOutcome.AlreadyRedriven, log.LogIdentifier, null));
                continue;
            }

            var message = new Message<byte[]?, byte[]?>
            {
                Key = Encoding.UTF8.GetBytes(log.LogIdentifier),
                Value = letter.Value,
                Headers = new Headers { { SourceHeader, Encoding.UTF8.GetBytes($"{reader.Topic}/{id.Partition}/{id.Offset}") } },
            };
            sends.Add((items.Count, id, claim, producer.ProduceAsync(rawTopic, message, cancellationToken)));
            items.Add(new RedriveItem(id, RedriveOutcome.Redriven, log.LogIdentifier, null));
        }

        // Counted as re-driven only once the broker has acknowledged it.
        foreach (var (index, id, claim, delivery) in sends)
        {
            try
            {
                await delivery.ConfigureAwait(false);
            }
            catch (ProduceException<byte[]?, byte[]?> e)
            {
                items[index] = items[index] with { Outcome = RedriveOutcome.FailedAgain, Reason = "not published to " + rawTopic + ": " + e.Error.Reason };
                await ledger.ReleaseAsync(reader.Topic, id, claim, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ledger.ConfirmAsync(reader.Topic, id, claim, cancellationToken).ConfigureAwait(false);
        }

        return new RedriveResult(items);
    }
}
