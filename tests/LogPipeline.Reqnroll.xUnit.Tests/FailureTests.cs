using LogPipeline.Reqnroll.xUnit.Tests.Support;

namespace LogPipeline.Reqnroll.xUnit.Tests;

public sealed class FailureTests
{
    const string FeatureFile = $"{SampleRun.Features}/failures.feature";

    [Fact]
    public async Task AFailingStepNamesFileLineStepAndCauseAndTheStepsAfterItAreSkipped()
    {
        var run = await SampleRun.RunAsync("failures.feature");

        var failed = run.FailedTest("Failures: A failing step");
        Assert.Equal("LogPipeline.Reqnroll.xUnit.Execution.StepFailedException", failed.ExceptionTypes[0]);
        Assert.StartsWith($"{FeatureFile}:15: step failed: When a step throws\nSystem.InvalidOperationException: boom", failed.Messages[0]);
        Assert.Equal("System.InvalidOperationException", failed.ExceptionTypes[1]);
        Assert.Contains("When a step throws", failed.Output);
        Assert.Contains("-> skipped because of previous errors", failed.Output);
    }

    [Fact]
    public async Task AnUndefinedStepFailsWithItsLocationAndReqnrollsSnippets()
    {
        var run = await SampleRun.RunAsync("failures.feature");

        var message = run.FailedTest("Failures: An undefined step").Messages[0];
        Assert.StartsWith($"{FeatureFile}:6: undefined step: And there are 3 logs with the message \"disk full\"", message);
        Assert.Contains("[Given(\"there are {int} logs with the message {string}\")]", message);
        Assert.Contains("public void GivenThereAreLogsWithTheMessage(int p0, string p1)", message);
        Assert.Contains("[Then(\"nobody wrote this step either\")]", message);
    }

    [Fact]
    public async Task AnAmbiguousStepFailsNamingEveryMatchingMethod()
    {
        var run = await SampleRun.RunAsync("failures.feature");

        var message = run.FailedTest("Failures: An ambiguous step").Messages[0];
        Assert.StartsWith($"{FeatureFile}:11: binding error: Given an ambiguous step", message);
        Assert.Contains("FailureSteps.First()", message);
        Assert.Contains("OtherAmbiguousSteps.Second(String)", message);
    }

    [Fact]
    public async Task APendingStepFailsAsPending()
    {
        var run = await SampleRun.RunAsync("failures.feature");

        var message = run.FailedTest("Failures: A pending step").Messages[0];
        Assert.StartsWith($"{FeatureFile}:19: pending step: Given a pending step", message);
        Assert.Equal(4, run.Failed.Count);
    }
}
