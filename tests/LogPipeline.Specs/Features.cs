using LogPipeline.Gherkin;

// Runs [AfterFeature]/[AfterTestRun] after the last test, and scenarios in file order.
[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]
// The scenarios share one running system: run the assembly's tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LogPipeline.Specs;

/// <summary>Every scenario under <c>features/</c> becomes one test; the body is never called.</summary>
public sealed class Features
{
    [GherkinScenarios("features")]
    public void Scenarios()
    {
    }
}
