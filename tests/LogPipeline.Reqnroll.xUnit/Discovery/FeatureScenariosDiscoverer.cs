using Gherkin;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Discovery;

/// <summary>
/// One <see cref="ScenarioTestCase"/> per scenario and Examples row of the feature files a
/// <see cref="FeatureScenariosAttribute"/> names. A path that does not exist, or a file that is not valid Gherkin,
/// becomes a failing test case that says so.
/// </summary>
public sealed class FeatureScenariosDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var path = factAttribute.GetConstructorArguments().FirstOrDefault() as string ?? "";
        IReadOnlyList<(string FullPath, string FilePath)> files;
        try
        {
            files = RepositoryPaths.FindFeatureFiles(path);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return [ScenarioTestCase.ForError(diagnosticMessageSink, display, displayOptions, testMethod, $"Feature files at '{path}'", ex.Message)];
        }

        var testCases = new List<IXunitTestCase>();
        foreach (var (fullPath, filePath) in files)
        {
            try
            {
                var feature = FeatureFile.Load(fullPath, filePath);
                testCases.AddRange(feature.Scenarios.Select(s => new ScenarioTestCase(diagnosticMessageSink, display, displayOptions, testMethod, s)));
            }
            catch (Exception ex) when (ex is ParserException or IOException)
            {
                testCases.Add(ScenarioTestCase.ForError(diagnosticMessageSink, display, displayOptions, testMethod, $"{filePath}: invalid feature file", ex.Message));
            }
        }

        return testCases;
    }
}
