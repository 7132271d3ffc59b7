using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Schema;

namespace LogPipeline.Storage.Redrive;

/// <summary>
/// Which dead letters were re-driven, so that a second re-drive of one is answered "already re-driven" (as SQS does)
/// instead of publishing it again, even while the first copy is not stored yet. One item per dead letter in the
/// counter table (series <see cref="CounterNames.RedrivenSeries"/>, bucket <c>{partition}/{offset}</c>), created by a
/// conditional put before the message is published: of two concurrent re-drives only one wins. The item says
/// <c>sending</c> until the broker acknowledged the message, then <c>sent</c>; a publish that failed deletes it, and a
/// <c>sending</c> item older than <see cref="StaleClaim"/> (its request died between claim and acknowledgement) may be
/// claimed again. Items expire with the table's retention.
/// </summary>
public sealed class RedriveLedger(IAmazonDynamoDB client, StorageOptions options, TimeProvider clock)
{
    /// <summary>Longer than a publish may take (librdkafka gives up after <c>message.timeout.ms</c>, 5 minutes by default).</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    const string Sending = "sending";
    const string Sent = "sent";

    /// <summary>Claims the dead letter for this re-drive.</summary>
    /// <returns>The claim, or null when it was re-driven already (or another request is re-driving it now).</returns>
    public async Task<string?> TryClaimAsync(string topic, int partition, long offset, string logId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid().ToString("N");
        var item = Key(topic, partition, offset);
        item[CounterAttributes.RedriveState] = LogItemMapper.S(Sending);
        item[CounterAttributes.ClaimId] = LogItemMapper.S(claim);
        item[CounterAttributes.ClaimedAt] = LogItemMapper.N(now.ToUnixTimeMilliseconds());
        item[CounterAttributes.LogId] = LogItemMapper.S(logId);
        item[CounterAttributes.ExpiresAt] = LogItemMapper.N(now.AddDays(options.RetentionDays).ToUnixTimeSeconds());
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = options.CounterTable,
                Item = item,
                ConditionExpression = "attribute_not_exists(#series) OR (#state = :sending AND #claimedAt < :stale)",
                ExpressionAttributeNames = new()
                {
                    ["#series"] = CounterAttributes.Series,
                    ["#state"] = CounterAttributes.RedriveState,
                    ["#claimedAt"] = CounterAttributes.ClaimedAt,
                },
                ExpressionAttributeValues = new()
                {
                    [":sending"] = LogItemMapper.S(Sending),
                    [":stale"] = LogItemMapper.N((now - StaleClaim).ToUnixTimeMilliseconds()),
                },
            }, cancellationToken).ConfigureAwait(false);
            return claim;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>The broker acknowledged the re-driven message: the dead letter stays re-driven.</summary>
    public Task ConfirmAsync(string topic, int partition, long offset, string claim, CancellationToken cancellationToken) =>
        IfStillClaimedAsync(() => client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = options.CounterTable,
            Key = Key(topic, partition, offset),
            UpdateExpression = "SET #state = :sent",
            ConditionExpression = "#claim = :claim",
            ExpressionAttributeNames = new() { ["#state"] = CounterAttributes.RedriveState, ["#claim"] = CounterAttributes.ClaimId },
            ExpressionAttributeValues = new() { [":sent"] = LogItemMapper.S(Sent), [":claim"] = LogItemMapper.S(claim) },
        }, cancellationToken));

    /// <summary>The message was not published: the dead letter may be re-driven again.</summary>
    public Task ReleaseAsync(string topic, int partition, long offset, string claim, CancellationToken cancellationToken) =>
        IfStillClaimedAsync(() => client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = options.CounterTable,
            Key = Key(topic, partition, offset),
            ConditionExpression = "#claim = :claim",
            ExpressionAttributeNames = new() { ["#claim"] = CounterAttributes.ClaimId },
            ExpressionAttributeValues = new() { [":claim"] = LogItemMapper.S(claim) },
        }, cancellationToken));

    /// <summary>A claim taken over after going stale belongs to the newer request: leave it alone.</summary>
    static async Task IfStillClaimedAsync(Func<Task> change)
    {
        try
        {
            await change().ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
        }
    }

    static Dictionary<string, AttributeValue> Key(string topic, int partition, long offset) => new()
    {
        [CounterAttributes.Series] = LogItemMapper.S(CounterNames.RedrivenSeries(topic)),
        [CounterAttributes.Bucket] = LogItemMapper.S(string.Create(CultureInfo.InvariantCulture, $"{partition:D5}/{offset:D20}")),
    };
}
