using System.Reflection;
using LogPipeline.Reqnroll.xUnit.Discovery;
using Reqnroll;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>
/// xUnit's assembly runner inside Reqnroll's test run: <see cref="TestRunnerManager.OnTestRunStartAsync"/> before
/// the first test (only when a scenario is among the tests), scenarios in file order, and
/// <see cref="TestRunnerManager.OnTestRunEndAsync"/> (open features' <c>[AfterFeature]</c>, then
/// <c>[AfterTestRun]</c>) after the last one; failures of those are an assembly cleanup failure.
/// </summary>
public sealed class ReqnrollTestAssemblyRunner(
    ITestAssembly testAssembly,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageSink executionMessageSink,
    ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    ReqnrollTestRun? run;

    /// <inheritdoc/>
    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync();
        TestCaseOrderer = new ScenarioTestCaseOrderer(TestCaseOrderer);
        if (TestCases.OfType<ScenarioTestCase>().Any(t => string.IsNullOrEmpty(t.SkipReason)))
        {
            run = await ReqnrollTestRun.StartAsync(((IReflectionAssemblyInfo)TestAssembly.Assembly).Assembly);
        }
    }

    /// <inheritdoc/>
    protected override Task<RunSummary> RunTestCollectionsAsync(IMessageBus messageBus, CancellationTokenSource cancellationTokenSource)
    {
        ReqnrollTestRun.Current = run;
        return base.RunTestCollectionsAsync(messageBus, cancellationTokenSource);
    }

    /// <inheritdoc/>
    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        if (run is not null)
        {
            await Aggregator.RunAsync(run.EndAsync);
        }

        await base.BeforeTestAssemblyFinishedAsync();
    }
}
