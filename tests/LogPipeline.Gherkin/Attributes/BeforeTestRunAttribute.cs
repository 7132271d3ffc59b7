namespace LogPipeline.Gherkin;

/// <summary>A static method run once per test run before the first scenario; its parameters are resolved from the test run's container.</summary>
public sealed class BeforeTestRunAttribute() : HookAttribute(HookType.BeforeTestRun, []);
