using LogPipeline.Gherkin.Parsing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// Discovers one <see cref="ScenarioTestCase"/> per scenario and outline example row in the feature files named by a
/// <see cref="GherkinScenariosAttribute"/>. A path that does not exist, or a file that is not valid Gherkin,
/// becomes a failing test case that says so.
/// </summary>
public sealed class GherkinScenariosDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var path = factAttribute.GetConstructorArguments().FirstOrDefault() as string ?? "";

        IReadOnlyList<FeatureFile> files;
        try
        {
            files = FeatureFileLocator.Find(path);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return [ScenarioTestCase.ForError(diagnosticMessageSink, display, displayOptions, testMethod, null, $"Feature files at '{path}'", ex.Message)];
        }

        var testCases = new List<IXunitTestCase>();
        foreach (var file in files)
        {
            FeatureDocument document;
            try
            {
                document = FeatureCache.Load(file);
            }
            catch (Exception ex) when (ex is FeatureParseException or IOException)
            {
                testCases.Add(ScenarioTestCase.ForError(diagnosticMessageSink, display, displayOptions, testMethod, file, $"{file.FilePath}: invalid feature file", ex.Message));
                continue;
            }

            testCases.AddRange(document.Scenarios.Select(s => new ScenarioTestCase(diagnosticMessageSink, display, displayOptions, testMethod, s)));
        }

        return testCases;
    }
}
