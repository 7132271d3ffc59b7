namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>Hooks of every kind for Engine/hooks.feature and Engine/more-hooks.feature; each records itself.</summary>
public sealed class HookBindings(EventLog log, ScenarioContext scenario)
{
    [BeforeTestRun]
    public static void BeforeTestRun(EventLog log) => log.Add("before test run");

    [AfterTestRun]
    public static async Task AfterTestRun(EventLog log)
    {
        await Task.Yield();
        log.Add("after test run");
    }

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature, EventLog log) => log.Add($"before feature {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature, EventLog log) => log.Add($"after feature {feature.FeatureInfo.Title}");

    [BeforeFeature("hooks")]
    public static void BeforeTaggedFeature(EventLog log) => log.Add("before @hooks feature");

    [BeforeScenario]
    public void BeforeScenario() => log.Add($"before scenario {scenario.ScenarioInfo.Title}");

    [BeforeScenario(Order = 1)]
    public void FirstBeforeScenario() => log.Add("first before scenario");

    [BeforeScenario("broker")]
    public static void BeforeBrokerScenario(EventLog log, ScenarioContext scenario) => log.Add($"before @broker scenario {scenario.ScenarioInfo.Title}");

    [AfterScenario]
    public async Task AfterScenario()
    {
        await Task.Yield();
        log.Add($"after scenario {scenario.ScenarioInfo.Title}: {scenario.ScenarioExecutionStatus}");
    }

    [BeforeStep]
    public void BeforeStep() => log.Add($"before step {scenario.StepContext?.StepInfo.Text}");

    [AfterStep]
    public void AfterStep() => log.Add($"after step {scenario.StepContext?.StepInfo.Text}");

    [Given("a recorded step")]
    public void GivenARecordedStep() => log.Add("step");
}
