using System.Reflection;
using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>Reqnroll's test run of one test assembly, as <see cref="ReqnrollTestAssemblyRunner"/> started it.</summary>
public sealed class ReqnrollTestRun
{
    static readonly AsyncLocal<ReqnrollTestRun?> CurrentRun = new();
    FeatureInfo? currentFeature;

    ReqnrollTestRun(Assembly testAssembly, Exception? startError)
    {
        TestAssembly = testAssembly;
        StartError = startError;
    }

    /// <summary>The run of the assembly being executed (flows with the async context), or null outside one.</summary>
    public static ReqnrollTestRun? Current
    {
        get => CurrentRun.Value;
        internal set => CurrentRun.Value = value;
    }

    /// <summary>The assembly whose <c>[Binding]</c> classes Reqnroll uses.</summary>
    public Assembly TestAssembly { get; }

    /// <summary>What a <c>[BeforeTestRun]</c> hook threw, or null: every scenario then fails with it.</summary>
    public Exception? StartError { get; }

    /// <summary>Fires the <c>[BeforeTestRun]</c> hooks (their failure is kept in <see cref="StartError"/>).</summary>
    public static async Task<ReqnrollTestRun> StartAsync(Assembly testAssembly)
    {
        try
        {
            await TestRunnerManager.OnTestRunStartAsync(testAssembly);
            return new ReqnrollTestRun(testAssembly, null);
        }
        catch (Exception ex)
        {
            return new ReqnrollTestRun(testAssembly, ex);
        }
    }

    /// <summary>
    /// Called before each scenario: when the feature changes, ends the previous one on every test runner that ran it
    /// (its <c>[AfterFeature]</c> hooks), as the class teardown of Reqnroll's generated code does.
    /// </summary>
    public async Task EnterFeatureAsync(FeatureInfo feature)
    {
        var previous = Interlocked.Exchange(ref currentFeature, feature);
        if (previous is not null && !ReferenceEquals(previous, feature))
        {
            await TestRunnerManager.ReleaseFeatureAsync(previous, TestAssembly);
        }
    }

    /// <summary>Ends open features (<c>[AfterFeature]</c>) and fires the <c>[AfterTestRun]</c> hooks, even after a failed start.</summary>
    public Task EndAsync() => TestRunnerManager.OnTestRunEndAsync(TestAssembly);
}
