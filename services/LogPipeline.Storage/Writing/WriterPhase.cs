namespace LogPipeline.Storage.Writing;

/// <summary>A phase of storing one consumer batch, the <c>phase</c> tag of <c>logpipeline.writer.phase.duration</c>.</summary>
public sealed class WriterPhase
{
    public const string TagName = "phase";

    /// <summary>BatchGetItem: which logs of the batch are stored already.</summary>
    public static readonly WriterPhase Find = new("find");

    /// <summary>The offset markers, the buckets' routes and the counter transaction.</summary>
    public static readonly WriterPhase Count = new("count");

    /// <summary>BatchWriteItem of the logs not stored yet.</summary>
    public static readonly WriterPhase Put = new("put");

    WriterPhase(string name) => Name = name;

    public string Name { get; }
}
