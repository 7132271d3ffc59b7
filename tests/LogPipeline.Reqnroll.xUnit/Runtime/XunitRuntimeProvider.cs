using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace LogPipeline.Reqnroll.xUnit.Runtime;

/// <summary>
/// How Reqnroll ends a scenario that is not a plain pass or fail. xUnit 2 has no dynamic skip or inconclusive
/// result, so each fails the test with its reason (<c>@ignore</c> is skipped at discovery instead).
/// </summary>
public sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    /// <inheritdoc/>
    public void TestPending(string message) => throw new ScenarioPendingException("Test pending: " + message);

    /// <inheritdoc/>
    public void TestInconclusive(string message) => throw new ScenarioPendingException("Test inconclusive: " + message);

    /// <inheritdoc/>
    public void TestIgnore(string message) => throw new ScenarioPendingException("Test ignored: " + message);

    /// <inheritdoc/>
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => null;
}
