using LogPipeline.Gherkin.Execution;
using LogPipeline.Gherkin.Tests.Support;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Execution;

public sealed class StepBindingTests
{
    static Task<EngineRun> RunStepsFeature() => EngineRun.RunAsync([typeof(StepBindings)], "Engine/steps.feature");

    [Fact]
    public async Task EveryScenarioPasses()
    {
        var run = await RunStepsFeature();
        Assert.All(run.Results, r => Assert.True(r.Passed, r.Error?.ToString()));
        Assert.All(run.Results, r => Assert.All(r.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome)));
    }

    [Fact]
    public async Task CucumberPlaceholdersConvertToTheParameterTypes()
    {
        var run = await RunStepsFeature();
        var values = run.Log.Values.Take(9).ToList();
        Assert.Equal<object?>([42, 2.5, "alpha", "hello world", "single quoted", -7L, 3, 1, "light"], values);
    }

    [Fact]
    public async Task RegularExpressionGroupsConvertToTheParameterTypes()
    {
        var run = await RunStepsFeature();
        var values = run.Log.Values.Skip(9).Take(8).ToList();
        Assert.Equal<object?>(
            [3, Level.Error, TimeSpan.FromMilliseconds(1500), Level.LatencySpike, TimeSpan.FromMinutes(2), true, 9000000000L, 12.75m],
            values);
    }

    [Fact]
    public async Task TablesBindAsDataTablesAndDocStringsAsStrings()
    {
        var run = await RunStepsFeature();
        var values = run.Log.Values.Skip(17).ToList();
        var table = Assert.IsType<DataTable>(values[0]);
        Assert.Equal(["Id", "Level", "Latency In Ms"], table.Header);
        Assert.Equal("warning", table.Rows[1]["Level"]);
        var rows = Assert.IsType<List<LogRow>>(values[1]);
        Assert.Equal(["a1", "a2"], rows.Select(r => r.Id));
        Assert.Equal([Level.Info, Level.Warning], rows.Select(r => r.Level));
        Assert.Equal([12, 340], rows.Select(r => r.LatencyInMs));
        Assert.Equal(new Account("Alice", 1234.56m), values[2]);
        Assert.Equal("line one\nline two", values[3]);
    }

    [Fact]
    public async Task AndAndButBindAsTheKindOfTheStepBefore()
    {
        var run = await RunStepsFeature();
        Assert.Equal(["Given", "Given", "When", "When", "When", "Then", "Then"], run.Log.Entries.Take(7));
    }

    [Fact]
    public async Task AsyncStepsAreAwaited()
    {
        var run = await RunStepsFeature();
        Assert.Equal(["Task", "ValueTask", "ValueTask<int>"], run.Log.Entries.Skip(7));
    }

    [Fact]
    public async Task EachStepIsWrittenToTheOutputWithItsOutcome()
    {
        var run = await RunStepsFeature();
        var output = run.Result("Tables and doc strings bind").Output;
        Assert.Contains("Given these logs:", output);
        Assert.Contains("| a2 | warning | 340           |", output);
        Assert.Contains("-> done: StepBindings.GivenTheseLogs() (", output);
        Assert.Contains("line two", output);
    }
}
