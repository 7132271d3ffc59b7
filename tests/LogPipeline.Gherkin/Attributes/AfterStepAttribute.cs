namespace LogPipeline.Gherkin;

/// <summary>An instance or static method run after every step that ran; its parameters are resolved from the scenario's container.</summary>
public sealed class AfterStepAttribute(params string[] tags) : HookAttribute(HookType.AfterStep, tags);
