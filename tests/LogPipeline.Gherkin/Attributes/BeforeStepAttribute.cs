namespace LogPipeline.Gherkin;

/// <summary>An instance or static method run before every step; its parameters are resolved from the scenario's container.</summary>
public sealed class BeforeStepAttribute(params string[] tags) : HookAttribute(HookType.BeforeStep, tags);
