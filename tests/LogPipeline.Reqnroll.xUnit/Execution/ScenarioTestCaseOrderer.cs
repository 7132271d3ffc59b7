using LogPipeline.Reqnroll.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>
/// Keeps <paramref name="inner"/>'s order for other tests and runs scenarios in file order (feature file, then
/// line), so a feature's scenarios run together and its feature hooks run once.
/// </summary>
public sealed class ScenarioTestCaseOrderer(ITestCaseOrderer inner) : ITestCaseOrderer
{
    /// <inheritdoc/>
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var ordered = inner.OrderTestCases(testCases).ToList();
        var scenarios = ordered.OfType<ScenarioTestCase>()
            .OrderBy(s => s.FeatureFile, StringComparer.Ordinal)
            .ThenBy(s => s.ScenarioLine)
            .ThenBy(s => s.ExampleLine)
            .Cast<TTestCase>();
        return [.. ordered.Where(t => t is not ScenarioTestCase), .. scenarios];
    }
}
