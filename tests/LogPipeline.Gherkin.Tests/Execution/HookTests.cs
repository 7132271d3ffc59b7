using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Execution;
using LogPipeline.Gherkin.Tests.Support;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Execution;

public sealed class HookTests
{
    [Fact]
    public async Task HooksRunInOrderAroundTheRunFeaturesScenariosAndSteps()
    {
        var run = await EngineRun.RunAsync([typeof(HookBindings)], "Engine/hooks.feature", "Engine/more-hooks.feature");

        Assert.All(run.Results, r => Assert.True(r.Passed, r.Error?.ToString()));
        Assert.Equal(
            [
                "before test run",
                "before feature Hooks",
                "before @hooks feature",
                "first before scenario",
                "before scenario First scenario",
                "before step a recorded step",
                "step",
                "after step a recorded step",
                "after scenario First scenario: OK",
                "first before scenario",
                "before scenario Second scenario",
                "before @broker scenario Second scenario",
                "before step a recorded step",
                "step",
                "after step a recorded step",
                "before step a recorded step",
                "step",
                "after step a recorded step",
                "after scenario Second scenario: OK",
                "after feature Hooks",
                "before feature More hooks",
                "first before scenario",
                "before scenario Third scenario",
                "before step a recorded step",
                "step",
                "after step a recorded step",
                "after scenario Third scenario: OK",
                "after feature More hooks",
                "after test run",
            ],
            run.Log.Entries);
    }

    [Fact]
    public async Task AFailingBeforeTestRunHookFailsEveryScenarioAndTheAfterHooksStillRun()
    {
        var run = await EngineRun.RunAsync([typeof(FailingBeforeTestRunBindings)], "Engine/hooks.feature");

        Assert.All(run.Results, r =>
        {
            var error = Assert.IsType<HookFailedException>(r.Error);
            Assert.Equal(HookType.BeforeTestRun, error.HookType);
            Assert.Equal("the system did not start", error.InnerException!.Message);
            Assert.All(r.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
        });
        Assert.Equal(["after test run"], run.Log.Entries);
    }

    [Fact]
    public async Task AFailingBeforeScenarioHookSkipsTheStepsAndTheAfterScenarioHookSeesTheError()
    {
        var run = await EngineRun.RunAsync([typeof(FailingBeforeScenarioBindings)], "Engine/more-hooks.feature");

        var result = run.Results.Single();
        var error = Assert.IsType<HookFailedException>(result.Error);
        Assert.Equal("FailingBeforeScenarioBindings.SetUp()", error.Hook);
        Assert.Equal([StepOutcome.Skipped], result.Steps.Select(s => s.Outcome));
        Assert.Equal(["after scenario: TestError, HookFailedException"], run.Log.Entries);
    }

    [Fact]
    public async Task TheTestRunStartsOnlyWhenAScenarioRunsAndFinishesOnce()
    {
        var log = new EventLog();
        var run = new TestRun(BindingRegistry.FromTypes(typeof(HookBindings)));
        run.Context.Register(log);

        await run.FinishAsync();
        await run.FinishAsync();

        Assert.False(run.HasStarted);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void TestRunAndFeatureHooksMustBeStatic()
    {
        var error = Assert.Throws<BindingException>(() => BindingRegistry.FromTypes(typeof(InstanceTestRunHook)));
        Assert.Contains("InstanceTestRunHook.Start(): [BeforeTestRun] hooks must be static.", error.Message);
    }

    [Fact]
    public void HooksCanBeLimitedByTagAndOrdered()
    {
        var registry = BindingRegistry.FromTypes(typeof(HookBindings));
        var beforeScenario = registry.HooksOf(HookType.BeforeScenario).ToList();
        Assert.Equal("HookBindings.FirstBeforeScenario()", beforeScenario[0].Description);
        var broker = beforeScenario.Single(h => h.Tags.Count > 0);
        Assert.True(broker.AppliesTo("Any", ["broker"], "Any"));
        Assert.False(broker.AppliesTo("Any", ["kafka"], "Any"));
    }

    sealed class InstanceTestRunHook
    {
        [BeforeTestRun]
        public void Start()
        {
        }
    }
}
