namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

/// <summary>Per-scenario context shared by two binding classes.</summary>
public sealed class CounterState
{
    public int Counter { get; set; }
}
