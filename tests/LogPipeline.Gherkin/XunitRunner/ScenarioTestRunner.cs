using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// Runs the scenario of a <see cref="ScenarioTestCase"/> in the current <see cref="ScenarioRunHost"/> (the test class
/// is never built, the test method never called). Step progress goes to the test's output as it happens; the
/// scenario's error fails the test.
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
        try
        {
            var testCase = (ScenarioTestCase)Test.TestCase;
            if (testCase.Error is not null)
            {
                throw new InvalidOperationException(testCase.Error);
            }

            var host = ScenarioRunHost.Current ?? throw new InvalidOperationException(
                "Gherkin scenarios run only under the Gherkin test framework. Add to the test project: " +
                $"[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]");
            var result = await host.RunAsync(testCase, output, CancellationTokenSource.Token);
            if (result.Error is not null)
            {
                aggregator.Add(result.Error);
            }
        }
        catch (Exception ex)
        {
            aggregator.Add(ex);
        }

        var text = output.Output;
        output.Uninitialize();
        return Tuple.Create((decimal)stopwatch.Elapsed.TotalSeconds, text);
    }
}
