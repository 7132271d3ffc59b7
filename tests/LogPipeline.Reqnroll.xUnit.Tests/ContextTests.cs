using LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;
using LogPipeline.Reqnroll.xUnit.Tests.Support;

namespace LogPipeline.Reqnroll.xUnit.Tests;

public sealed class ContextTests
{
    [Fact]
    public async Task ContextObjectsAreSharedWithinAScenarioAndFreshInTheNext()
    {
        var run = await SampleRun.RunAsync("context.feature");

        Assert.Empty(run.Failed.Select(f => f.Messages[0]));
        var states = Journal.Entries.Where(e => e.StartsWith("state ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, states.Count);
        Assert.EndsWith("in Context: One scenario", states[0]);
        Assert.EndsWith("in Context: The next scenario", states[1]);
        Assert.NotEqual(states[0].Split(' ')[1], states[1].Split(' ')[1]);
    }

    [Fact]
    public async Task TheTestOutputHelperIsInTheScenarioContainerAndReqnrollsTraceGoesToIt()
    {
        var run = await SampleRun.RunAsync("context.feature");

        var passed = run.Passed.First();
        Assert.Contains("hello from a binding, through the ITestOutputHelper in the scenario container", passed.Output);
        Assert.Contains("Given the first class records the shared state", passed.Output);
        Assert.Contains("-> done: FirstContextSteps.Record()", passed.Output);
    }
}
