using System.Reflection;
using LogPipeline.Gherkin.XunitRunner;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin;

/// <summary>
/// xUnit 2's test framework with the Gherkin test run around it: scenarios run in file order, and the
/// <c>[AfterFeature]</c> and <c>[AfterTestRun]</c> hooks run after the last test. Register it in the test project:
/// <c>[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]</c>.
/// </summary>
public sealed class GherkinTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <summary>This type's full name, for <c>[assembly: TestFramework]</c>.</summary>
    public const string TypeName = "LogPipeline.Gherkin.GherkinTestFramework";

    /// <summary>This assembly's name, for <c>[assembly: TestFramework]</c>.</summary>
    public const string AssemblyName = "LogPipeline.Gherkin";

    /// <inheritdoc/>
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new GherkinTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
