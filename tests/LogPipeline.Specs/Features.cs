using LogPipeline.Reqnroll.xUnit;
using LogPipeline.Reqnroll.xUnit.Runtime;
using Reqnroll.Plugins;

// Reqnroll's test run around the assembly ([BeforeTestRun] ... [AfterTestRun]), scenarios in file order.
[assembly: TestFramework(ReqnrollTestFramework.TypeName, ReqnrollTestFramework.AssemblyName)]
[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]
// The scenarios share one running system: run the assembly's tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LogPipeline.Specs;

/// <summary>Every scenario under <c>features/</c> becomes one test, run by Reqnroll; the body is never called.</summary>
public sealed class Features
{
    [FeatureScenarios("features")]
    public void Scenarios()
    {
    }
}
