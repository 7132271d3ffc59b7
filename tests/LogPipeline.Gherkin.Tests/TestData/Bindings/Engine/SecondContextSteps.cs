using Xunit.Abstractions;

namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

public sealed class SecondContextSteps(
    SharedState state,
    EventLog log,
    FirstContextSteps first,
    ScenarioContext scenario,
    FeatureContext feature,
    IGlobalService global,
    ITestOutputHelper output)
{
    [When("the second class records the shared state")]
    public void WhenTheSecondClassRecords() => log.AddValues(state, first);

    [Then("the context knows the scenario")]
    public void ThenTheContextKnowsTheScenario()
    {
        output.WriteLine($"written by a step in {scenario.ScenarioInfo.Title}");
        log.Add($"{feature.FeatureInfo.Title}/{scenario.ScenarioInfo.Title}/{global.Name}");
    }
}
