namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>A scenario whose set-up fails: its steps are skipped, its after hooks still run.</summary>
public sealed class FailingBeforeScenarioBindings(EventLog log)
{
    [BeforeScenario]
    public void SetUp() => throw new InvalidOperationException("set-up failed");

    [AfterScenario]
    public void TearDown(ScenarioContext scenario) => log.Add($"after scenario: {scenario.ScenarioExecutionStatus}, {scenario.TestError?.GetType().Name}");

    [Given("a recorded step")]
    public void GivenARecordedStep() => log.Add("step");
}
