namespace LogPipeline.Gherkin;

/// <summary>A static method run once per feature; it may take <see cref="FeatureContext"/> and anything from the test run's container.</summary>
public sealed class AfterFeatureAttribute(params string[] tags) : HookAttribute(HookType.AfterFeature, tags);
