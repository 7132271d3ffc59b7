namespace LogPipeline.Gherkin;

/// <summary>A static method run once per test run after the last scenario; its parameters are resolved from the test run's container.</summary>
public sealed class AfterTestRunAttribute() : HookAttribute(HookType.AfterTestRun, []);
