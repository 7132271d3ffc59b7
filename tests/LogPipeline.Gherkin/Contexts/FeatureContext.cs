namespace LogPipeline.Gherkin;

/// <summary>One per feature: its <see cref="FeatureInfo"/> and a property bag shared by the feature's scenarios.</summary>
public sealed class FeatureContext(FeatureInfo featureInfo) : GherkinContext
{
    /// <summary>The feature.</summary>
    public FeatureInfo FeatureInfo { get; } = featureInfo;
}
