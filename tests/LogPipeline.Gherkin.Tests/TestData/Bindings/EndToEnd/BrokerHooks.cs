namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

/// <summary>A hook for <c>@broker</c> scenarios only.</summary>
[Binding]
public sealed class BrokerHooks(BrokerHookState state)
{
    [BeforeScenario("broker")]
    public void CountBrokerScenario() => state.Runs++;

    [Then("the broker hook ran {int} time(s) for this scenario")]
    public void ThenTheBrokerHookRan(int times) => Assert.Equal(times, state.Runs);
}
