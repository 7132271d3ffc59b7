using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

[Binding]
public sealed class FailingFeatureHook
{
    [BeforeFeature("failing-feature-hook")]
    public static void BeforeFeature() => throw new InvalidOperationException("the feature's fixture did not start");
}
