namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>A second definition for "an ambiguous step".</summary>
public sealed class OtherAmbiguousBindings
{
    [Given(@"^an (\w+) step$")]
    public void Second(string kind) => _ = kind;
}
