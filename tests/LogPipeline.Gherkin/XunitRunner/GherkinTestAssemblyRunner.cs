using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// xUnit's assembly runner plus the Gherkin test run: scenarios in file order, a <see cref="ScenarioRunHost"/> for
/// the run, and its <c>[AfterFeature]</c>/<c>[AfterTestRun]</c> hooks after the last test (xUnit's assembly-level
/// teardown; their failures are reported as an assembly cleanup failure).
/// </summary>
public sealed class GherkinTestAssemblyRunner(
    ITestAssembly testAssembly,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageSink executionMessageSink,
    ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    ScenarioRunHost? host;

    /// <inheritdoc/>
    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync();
        TestCaseOrderer = new ScenarioTestCaseOrderer(TestCaseOrderer);
    }

    /// <inheritdoc/>
    protected override async Task<RunSummary> RunTestCollectionsAsync(IMessageBus messageBus, CancellationTokenSource cancellationTokenSource)
    {
        host = new ScenarioRunHost(((IReflectionAssemblyInfo)TestAssembly.Assembly).Assembly);
        ScenarioRunHost.Current = host;
        return await base.RunTestCollectionsAsync(messageBus, cancellationTokenSource);
    }

    /// <inheritdoc/>
    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        if (host is not null)
        {
            await Aggregator.RunAsync(host.FinishAsync);
        }

        await base.BeforeTestAssemblyFinishedAsync();
    }
}
