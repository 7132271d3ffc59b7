namespace LogPipeline.Contracts;

/// <summary>Headers on a <c>logs.dlq</c> message; its value is the original bytes, unchanged.</summary>
public static class DeadLetterHeaders
{
    public const string Stage = "error.stage";
    public const string Reason = "error.reason";
    public const string SourceTopic = "source.topic";
    public const string SourcePartition = "source.partition";
    public const string SourceOffset = "source.offset";
    public const string Time = "error.time";
}
