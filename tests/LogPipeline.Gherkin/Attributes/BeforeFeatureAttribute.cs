namespace LogPipeline.Gherkin;

/// <summary>A static method run once per feature; it may take <see cref="FeatureContext"/> and anything from the test run's container.</summary>
public sealed class BeforeFeatureAttribute(params string[] tags) : HookAttribute(HookType.BeforeFeature, tags);
