using System.Diagnostics;
using System.Reflection;
using LogPipeline.Reqnroll.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>
/// Runs the scenario of a <see cref="ScenarioTestCase"/> on Reqnroll's runtime (the test class is never built, the
/// test method never called); Reqnroll's step trace goes to the test's output, the scenario's error fails the test.
/// </summary>
internal sealed class ScenarioTestRunner(
    ITest test,
    IMessageBus messageBus,
    Type testClass,
    object[] constructorArguments,
    MethodInfo testMethod,
    object[] testMethodArguments,
    string skipReason,
    IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource)
    : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
    {
        var output = new TestOutputHelper();
        output.Initialize(MessageBus, Test);
        var stopwatch = Stopwatch.StartNew();
        await aggregator.RunAsync(() => RunScenarioAsync((ScenarioTestCase)Test.TestCase, output));
        var text = output.Output;
        output.Uninitialize();
        return Tuple.Create((decimal)stopwatch.Elapsed.TotalSeconds, text);
    }

    static async Task RunScenarioAsync(ScenarioTestCase testCase, ITestOutputHelper output)
    {
        if (testCase.Error is not null)
        {
            throw new InvalidOperationException(testCase.Error);
        }

        var run = ReqnrollTestRun.Current ?? throw new InvalidOperationException(
            "Scenarios run only under the Reqnroll test framework. Add to the test project: " +
            "[assembly: TestFramework(ReqnrollTestFramework.TypeName, ReqnrollTestFramework.AssemblyName)]");
        if (run.StartError is not null)
        {
            throw new InvalidOperationException("Reqnroll's test run did not start: a [BeforeTestRun] hook (or Reqnroll's own start-up) failed.", run.StartError);
        }

        var scenario = testCase.FindScenario();
        await run.EnterFeatureAsync(scenario.Feature.Info);
        await ScenarioExecution.RunAsync(run.TestAssembly, scenario, output);
    }
}
