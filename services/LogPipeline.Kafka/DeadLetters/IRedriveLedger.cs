namespace LogPipeline.Kafka.DeadLetters;

/// <summary>
/// Remembers which dead letters were re-driven, so that a second re-drive of one is answered
/// <see cref="RedriveOutcome.AlreadyRedriven"/> instead of publishing it again (DynamoDB: <c>LogPipeline.Storage</c>'s
/// <c>RedriveLedger</c>).
/// </summary>
public interface IRedriveLedger
{
    /// <summary>Claims <paramref name="id"/> of <paramref name="topic"/> before it is published.</summary>
    /// <returns>The claim, or null when it was re-driven already (or is being re-driven now).</returns>
    Task<string?> TryClaimAsync(string topic, DeadLetterId id, string logId, CancellationToken cancellationToken);

    /// <summary>The broker acknowledged the re-driven message.</summary>
    Task ConfirmAsync(string topic, DeadLetterId id, string claim, CancellationToken cancellationToken);

    /// <summary>The message was not published: the dead letter may be re-driven again.</summary>
    Task ReleaseAsync(string topic, DeadLetterId id, string claim, CancellationToken cancellationToken);
}
