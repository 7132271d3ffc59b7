using LogPipeline.Gherkin.Tests.Support;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Execution;

public sealed class ContextInjectionTests
{
    static Task<EngineRun> RunContextFeature() =>
        EngineRun.RunAsync([typeof(FirstContextSteps), typeof(SecondContextSteps)], "Engine/context.feature");

    [Fact]
    public async Task BindingClassesShareOneContextObjectWithinAScenario()
    {
        var run = await RunContextFeature();
        Assert.All(run.Results, r => Assert.True(r.Passed, r.Error?.ToString()));

        var values = run.Log.Values;
        Assert.Same(values[0], values[2]);
        Assert.Same(values[1], values[3]);
        Assert.IsType<FirstContextSteps>(values[1]);
    }

    [Fact]
    public async Task TheNextScenarioGetsFreshObjects()
    {
        var values = (await RunContextFeature()).Log.Values;

        Assert.NotSame(values[0], values[4]);
        Assert.NotSame(values[1], values[5]);
        Assert.Same(values[4], values[6]);
    }

    [Fact]
    public async Task DisposableContextObjectsAreDisposedAfterTheirScenario()
    {
        var run = await RunContextFeature();
        var first = Assert.IsType<SharedState>(run.Log.Values[0]);
        var second = Assert.IsType<SharedState>(run.Log.Values[4]);

        Assert.True(first.Disposed);
        Assert.True(second.Disposed);
        var entries = run.Log.Entries;
        Assert.True(entries.ToList().IndexOf($"disposed {first.Id}") < entries.ToList().IndexOf("Context/The next scenario/the running system"));
    }

    [Fact]
    public async Task ContextsOutputAndTestRunObjectsAreInjected()
    {
        var run = await RunContextFeature();

        Assert.Contains("Context/One scenario/the running system", run.Log.Entries);
        Assert.Contains("written by a step in One scenario", run.Result("One scenario").Output);
    }
}
