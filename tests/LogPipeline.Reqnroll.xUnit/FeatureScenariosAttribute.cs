using Xunit;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit;

/// <summary>
/// Makes every scenario (and every Examples row) of the feature files at <see cref="Path"/> one test case, named
/// <c>Feature: Scenario</c>. The path is a folder (subfolders included) or a <c>.feature</c> file, relative to the
/// repository root (the folder holding <c>LogPipeline.slnx</c>, found from the test binaries) or absolute. The
/// method's body is never called: Reqnroll runs the scenario.
/// </summary>
[XunitTestCaseDiscoverer("LogPipeline.Reqnroll.xUnit.Discovery.FeatureScenariosDiscoverer", "LogPipeline.Reqnroll.xUnit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FeatureScenariosAttribute(string path) : FactAttribute
{
    /// <summary>The feature folder or file.</summary>
    public string Path { get; } = path;
}
