using Xunit;
using Xunit.Sdk;

namespace LogPipeline.Gherkin;

/// <summary>
/// Makes every scenario (and every outline example row) of the feature files at <see cref="Path"/> one test case,
/// named <c>Feature: Scenario</c>. The path is a folder (searched with its subfolders) or a <c>.feature</c> file,
/// relative to the repository root (the folder holding <c>LogPipeline.slnx</c>, found from the test binaries) or
/// absolute. The method's body is never called; the test assembly needs
/// <c>[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]</c>.
/// </summary>
[XunitTestCaseDiscoverer("LogPipeline.Gherkin.XunitRunner.GherkinScenariosDiscoverer", "LogPipeline.Gherkin")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class GherkinScenariosAttribute(string path) : FactAttribute
{
    /// <summary>The feature folder or file.</summary>
    public string Path { get; } = path;
}
