using System.Reflection;
using LogPipeline.Reqnroll.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>Runs a <see cref="ScenarioTestCase"/> through a <see cref="ScenarioTestRunner"/> instead of calling the test method.</summary>
internal sealed class ScenarioTestCaseRunner(
    ScenarioTestCase testCase,
    string displayName,
    string skipReason,
    object[] constructorArguments,
    IMessageBus messageBus,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource)
    : XunitTestCaseRunner(testCase, displayName, skipReason, constructorArguments, [], messageBus, aggregator, cancellationTokenSource)
{
    protected override XunitTestRunner CreateTestRunner(
        ITest test,
        IMessageBus messageBus,
        Type testClass,
        object[] constructorArguments,
        MethodInfo testMethod,
        object[] testMethodArguments,
        string skipReason,
        IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource) =>
        new ScenarioTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource);
}
