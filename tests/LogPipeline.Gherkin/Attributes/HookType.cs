namespace LogPipeline.Gherkin;

/// <summary>The points of a test run where hooks run.</summary>
public enum HookType
{
    BeforeTestRun,
    AfterTestRun,
    BeforeFeature,
    AfterFeature,
    BeforeScenario,
    AfterScenario,
    BeforeStep,
    AfterStep,
}
