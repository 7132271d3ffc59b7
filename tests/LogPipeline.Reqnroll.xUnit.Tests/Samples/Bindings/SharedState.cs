namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>A context object: Reqnroll builds one per scenario and gives it to every binding class that asks.</summary>
public sealed class SharedState
{
    public Guid Id { get; } = Guid.NewGuid();

    public List<string> RecordedBy { get; } = [];
}
