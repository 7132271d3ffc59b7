using System.Reflection;
using LogPipeline.Reqnroll.xUnit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit;

/// <summary>
/// xUnit 2's test framework with Reqnroll's test run around the assembly: <c>[BeforeTestRun]</c> hooks before the
/// first scenario, <c>[AfterFeature]</c>/<c>[AfterTestRun]</c> hooks after the last, scenarios in file order.
/// Reqnroll.xUnit does the same with its <c>XunitTestFrameworkWithAssemblyFixture</c>. Register it with
/// <c>[assembly: TestFramework(ReqnrollTestFramework.TypeName, ReqnrollTestFramework.AssemblyName)]</c>.
/// </summary>
public sealed class ReqnrollTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <summary>This type's full name, for <c>[assembly: TestFramework]</c>.</summary>
    public const string TypeName = "LogPipeline.Reqnroll.xUnit.ReqnrollTestFramework";

    /// <summary>This assembly's name, for <c>[assembly: TestFramework]</c>.</summary>
    public const string AssemblyName = "LogPipeline.Reqnroll.xUnit";

    /// <inheritdoc/>
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new ReqnrollTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
