using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// Keeps the order of <paramref name="inner"/> for other tests and runs scenarios in file order (feature file path,
/// then line), so each feature's scenarios run together and its feature hooks run once.
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
