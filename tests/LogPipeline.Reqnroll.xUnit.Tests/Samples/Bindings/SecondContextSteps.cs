using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

[Binding]
public sealed class SecondContextSteps(SharedState state, ScenarioContext scenario, FeatureContext feature)
{
    [When("the second class records the shared state")]
    public void Record() => state.RecordedBy.Add(nameof(SecondContextSteps));

    [Then("both saw one state, and the contexts know the scenario")]
    public void BothSawOneState()
    {
        Assert.Equal([nameof(FirstContextSteps), nameof(SecondContextSteps)], state.RecordedBy);
        Journal.Record($"state {state.Id} in {feature.FeatureInfo.Title}: {scenario.ScenarioInfo.Title}");
    }
}
