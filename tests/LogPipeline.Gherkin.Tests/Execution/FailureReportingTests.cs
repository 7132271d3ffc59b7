using LogPipeline.Gherkin.Execution;
using LogPipeline.Gherkin.Tests.Support;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Execution;

public sealed class FailureReportingTests
{
    static readonly string FeatureFile = TestFeatures.PathOf("Engine/failures.feature");

    static Task<EngineRun> RunFailuresFeature() =>
        EngineRun.RunAsync([typeof(FailureBindings), typeof(OtherAmbiguousBindings)], "Engine/failures.feature");

    [Fact]
    public async Task AnUndefinedStepFailsWithItsFileLineAndASnippet()
    {
        var result = (await RunFailuresFeature()).Result("An undefined step");

        var error = Assert.IsType<MissingStepDefinitionException>(result.Error);
        Assert.Equal(ScenarioExecutionStatus.UndefinedStep, result.Status);
        Assert.Contains($"{FeatureFile}:6: And there are 3 logs with the message \"disk full\"", error.Message);
        Assert.Contains($"{FeatureFile}:8: Then nobody wrote this step either", error.Message);
        Assert.Contains(@"[Given(@""there are (\d+) logs with the message """"([^""""]*)"""""")]", error.Message);
        Assert.Contains("public void GivenThereAreLogsWithTheMessage(int p0, string p1)", error.Message);
        Assert.Contains("public void ThenNobodyWroteThisStepEither()", error.Message);
        Assert.Contains("public class FailuresStepDefinitions", error.Message);
        Assert.Equal(
            [StepOutcome.Passed, StepOutcome.Undefined, StepOutcome.Skipped, StepOutcome.Undefined],
            result.Steps.Select(s => s.Outcome));
        Assert.Contains("-> No matching step definition found for the step.", result.Output);
    }

    [Fact]
    public async Task AnAmbiguousStepListsEveryMatchingMethod()
    {
        var result = (await RunFailuresFeature()).Result("An ambiguous step");

        var error = Assert.IsType<AmbiguousBindingException>(result.Error);
        Assert.Equal(["FailureBindings.First()", "OtherAmbiguousBindings.Second(String)"], error.MatchingMethods);
        Assert.Contains("FailureBindings.First(), OtherAmbiguousBindings.Second(String)", error.Message);
        Assert.Contains($"{FeatureFile}:11", error.Message);
        Assert.Equal(ScenarioExecutionStatus.BindingError, result.Status);
    }

    [Fact]
    public async Task AFailingStepNamesFileLineAndStepAndKeepsTheOriginalException()
    {
        var result = (await RunFailuresFeature()).Result("A failing step");

        var error = Assert.IsType<StepFailedException>(result.Error);
        Assert.Equal(FeatureFile, error.FilePath);
        Assert.Equal(15, error.Line);
        Assert.Equal("When a step throws", error.Step);
        Assert.Contains($"{FeatureFile}:15: step failed: When a step throws", error.Message);
        Assert.Contains("System.InvalidOperationException: boom", error.Message);
        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("boom", inner.Message);
        Assert.Equal(ScenarioExecutionStatus.TestError, result.Status);
    }

    [Fact]
    public async Task StepsAfterAFailureAreReportedAsSkipped()
    {
        var result = (await RunFailuresFeature()).Result("A failing step");

        Assert.Equal(
            [StepOutcome.Passed, StepOutcome.Failed, StepOutcome.Skipped, StepOutcome.Skipped],
            result.Steps.Select(s => s.Outcome));
        Assert.Contains("When a step throws", result.Output);
        Assert.Contains("-> error: InvalidOperationException: boom", result.Output);
        Assert.Equal(2, result.Output.Split("-> skipped because of previous errors").Length - 1);
    }

    [Fact]
    public async Task APendingStepFailsAsPending()
    {
        var result = (await RunFailuresFeature()).Result("A pending step");

        Assert.Equal(ScenarioExecutionStatus.StepDefinitionPending, result.Status);
        Assert.IsType<PendingStepException>(Assert.IsType<StepFailedException>(result.Error).InnerException);
        Assert.Equal(StepOutcome.Pending, result.Steps.Single().Outcome);
    }

    [Fact]
    public async Task AValueThatDoesNotConvertIsABindingErrorAtItsLine()
    {
        var result = (await RunFailuresFeature()).Result("A value that does not convert");

        var error = Assert.IsType<BindingException>(result.Error);
        Assert.Contains($"{FeatureFile}:23", error.Message);
        Assert.Contains("Cannot convert 'many' to Int32 for parameter 'count' of FailureBindings.GivenACountOf(Int32)", error.Message);
        Assert.Equal(ScenarioExecutionStatus.BindingError, result.Status);
    }
}
