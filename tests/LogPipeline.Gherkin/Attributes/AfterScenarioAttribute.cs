namespace LogPipeline.Gherkin;

/// <summary>An instance or static method run after every scenario, whatever its outcome; its parameters are resolved from the scenario's container.</summary>
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(HookType.AfterScenario, tags);
