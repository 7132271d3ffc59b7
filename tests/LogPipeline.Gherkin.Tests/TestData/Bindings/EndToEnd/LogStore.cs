namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

/// <summary>Per-scenario stand-in for the real store.</summary>
public sealed class LogStore
{
    public List<StoredLog> Logs { get; } = [];

    public StoredLog? Current { get; set; }
}
