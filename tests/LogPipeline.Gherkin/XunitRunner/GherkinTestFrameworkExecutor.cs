using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>xUnit's executor, running assemblies with <see cref="GherkinTestAssemblyRunner"/>.</summary>
public sealed class GherkinTestFrameworkExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
{
    /// <inheritdoc/>
    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        using var assemblyRunner = new GherkinTestAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
        await assemblyRunner.RunAsync();
    }
}
