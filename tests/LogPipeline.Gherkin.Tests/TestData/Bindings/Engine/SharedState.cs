namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>A per-scenario context object; records its disposal.</summary>
public sealed class SharedState(EventLog log) : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool Disposed { get; private set; }

    public void Dispose()
    {
        Disposed = true;
        log.Add($"disposed {Id}");
    }
}
