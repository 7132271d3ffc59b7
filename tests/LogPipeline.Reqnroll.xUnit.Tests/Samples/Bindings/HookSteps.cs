using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>Feature, scenario and step hooks of the features tagged <c>@hooks</c>, each recorded in the <see cref="Journal"/>.</summary>
[Binding]
public sealed class HookSteps(ScenarioContext scenario)
{
    [BeforeFeature("hooks")]
    public static void BeforeFeature(FeatureContext feature) => Journal.Record("before feature " + feature.FeatureInfo.Title);

    [AfterFeature("hooks")]
    public static void AfterFeature(FeatureContext feature) => Journal.Record("after feature " + feature.FeatureInfo.Title);

    [BeforeScenario("hooks", Order = 1)]
    public void FirstBeforeScenario() => Journal.Record("first before scenario");

    [BeforeScenario("hooks")]
    public void BeforeScenario() => Journal.Record("before scenario " + scenario.ScenarioInfo.Title);

    [BeforeScenario("broker")]
    public void BeforeBrokerScenario() => Journal.Record("before @broker scenario");

    [BeforeStep("hooks")]
    public void BeforeStep() => Journal.Record("before step " + scenario.StepContext.StepInfo.Text);

    [AfterStep("hooks")]
    public void AfterStep() => Journal.Record("after step");

    [AfterScenario("hooks")]
    public void AfterScenario() => Journal.Record($"after scenario {scenario.ScenarioInfo.Title}: {scenario.ScenarioExecutionStatus}");

    [Given("a recorded step")]
    [When("a recorded step")]
    public void ARecordedStep() => Journal.Record("step");
}
