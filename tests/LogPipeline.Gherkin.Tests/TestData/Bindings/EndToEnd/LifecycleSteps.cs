namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

[Binding]
public sealed class LifecycleSteps(RunJournal journal, ScenarioContext scenario)
{
    [Then("the before test run hook ran once")]
    public void ThenTheRunStartedOnce() => Assert.Equal(1, journal.Count("before test run"));

    [Then("the scenario context knows the title {string}")]
    public void ThenTheContextKnowsTheTitle(string title) => Assert.Equal(title, scenario.ScenarioInfo.Title);
}
