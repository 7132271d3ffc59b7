namespace LogPipeline.Gherkin;

/// <summary>An instance or static method run before every scenario; its parameters are resolved from the scenario's container.</summary>
public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(HookType.BeforeScenario, tags);
