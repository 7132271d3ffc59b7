using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>A second definition of <c>an ambiguous step</c>.</summary>
[Binding]
public sealed class OtherAmbiguousSteps
{
    [Given("an {word} step")]
    public void Second(string kind)
    {
    }
}
