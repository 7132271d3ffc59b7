namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

/// <summary>Per-scenario: how often the <c>@broker</c> hook ran.</summary>
public sealed class BrokerHookState
{
    public int Runs { get; set; }
}
