namespace LogPipeline.Reqnroll.xUnit.Tests.Support;

/// <summary>
/// The method a user's test project carries (<c>[FeatureScenarios("features")]</c>). The tests give the discoverer
/// the path; the class is internal so that xUnit does not run the samples as this project's own tests.
/// </summary>
#pragma warning disable xUnit1000 // Internal on purpose: only the tests' in-process runs use it.
internal sealed class SampleFeatures
#pragma warning restore xUnit1000
{
    [FeatureScenarios(SampleRun.Features)]
    public void Scenarios()
    {
    }
}
