namespace LogPipeline.Contracts;

/// <summary>
/// The <c>Pipeline:Validation</c> section: how far from its Kafka timestamp (or now) a log's event time may lie.
/// Outside this window a log is dead-lettered rather than stored with a time no query finds and a TTL that never fires.
/// </summary>
public sealed class RecordValidationOptions
{
    public const string SectionName = "Pipeline:Validation";

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromDays(1);
}
