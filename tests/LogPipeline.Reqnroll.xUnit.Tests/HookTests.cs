using LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;
using LogPipeline.Reqnroll.xUnit.Tests.Support;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Tests;

public sealed class HookTests
{
    [Fact]
    public async Task HooksRunInReqnrollsOrderAroundTheRunFeaturesScenariosAndSteps()
    {
        var run = await SampleRun.RunAsync("hooks.feature", "more-hooks.feature");

        Assert.Empty(run.Failed);
        Assert.Equal(3, run.Passed.Count);
        Assert.Equal(
            [
                "before test run",
                "before feature Hooks",
                "first before scenario",
                "before scenario First scenario",
                "before step a recorded step",
                "step",
                "after step",
                "after scenario First scenario: OK",
                "first before scenario",
                "before scenario Second scenario",
                "before @broker scenario",
                "before step a recorded step",
                "step",
                "after step",
                "before step a recorded step",
                "step",
                "after step",
                "after scenario Second scenario: OK",
                "after feature Hooks",
                "before feature More hooks",
                "first before scenario",
                "before scenario Third scenario",
                "before step a recorded step",
                "step",
                "after step",
                "after scenario Third scenario: OK",
                "after feature More hooks",
                "after test run",
            ],
            Journal.Entries);
    }

    [Fact]
    public async Task ReqnrollsTelemetryIsOff()
    {
        await SampleRun.RunAsync("more-hooks.feature");

        Assert.False(RunHooks.TelemetryEnabled);
    }

    [Fact]
    public async Task AFailingBeforeTestRunHookFailsEveryScenarioAndTheAfterTestRunHookStillRuns()
    {
        RunHooks.FailStart = true;
        SampleRun run;
        try
        {
            run = await SampleRun.RunAsync("hooks.feature");
        }
        finally
        {
            RunHooks.FailStart = false;
        }

        Assert.Equal(2, run.Failed.Count);
        Assert.All(run.Failed, f => Assert.Contains("the system did not start", string.Join("\n", f.Messages)));
        Assert.Equal(["before test run", "after test run"], Journal.Entries);
    }

    [Fact]
    public async Task AFailingBeforeFeatureHookFailsEveryScenarioOfItsFeature()
    {
        var run = await SampleRun.RunAsync("failing-feature-hook.feature", "more-hooks.feature");

        Assert.Contains("the feature's fixture did not start", run.FailedTest("Failing feature hook: The first scenario").Messages[0]);
        var second = run.FailedTest("Failing feature hook: The second scenario");
        Assert.Contains("[BeforeFeature] hook of its feature failed", second.Messages[0]);
        Assert.Contains("the feature's fixture did not start", second.Messages[1]);
        Assert.Single(run.Passed, p => p.Test.DisplayName == "More hooks: Third scenario");
    }

    [Fact]
    public async Task WithoutTheReqnrollTestFrameworkAScenarioFailsWithHowToFixIt()
    {
        var testCase = SampleRun.Discover($"{SampleRun.Features}/hooks.feature")[0];
        var sink = new RecordingMessageSink();

        using (var runner = new XunitTestAssemblyRunner(testCase.TestMethod.TestClass.TestCollection.TestAssembly, [testCase], new NullMessageSink(), sink, new TestOptions()))
        {
            await runner.RunAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        var failed = Assert.Single(sink.OfType<ITestFailed>());
        Assert.Contains("ReqnrollTestFramework.TypeName", failed.Messages[0]);
    }
}
