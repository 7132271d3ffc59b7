using LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;
using LogPipeline.Reqnroll.xUnit.Tests.Support;

namespace LogPipeline.Reqnroll.xUnit.Tests;

public sealed class DataTests
{
    [Fact]
    public async Task EachExamplesRowRunsWithItsValuesInTheStepsTablesAndDocStrings()
    {
        var run = await SampleRun.RunAsync("data.feature");

        Assert.Empty(run.Failed.Select(f => f.Messages[0]));
        Assert.Equal(4, run.Passed.Count);
        Assert.Contains("1 logs at info; arguments count, level, query", Journal.Entries);
        Assert.Contains("1000 logs at error; arguments count, level, query", Journal.Entries);
        Assert.Contains("document level: warn | query: /api/logs?level=warn", Journal.Entries);
        Assert.Equal(4, Journal.Entries.Count(e => e == "background"));
    }

    [Fact]
    public async Task TablesBindToReqnrollsDataTableAndItsAssistHelpers()
    {
        var run = await SampleRun.RunAsync("data.feature");

        Assert.Single(run.Passed, p => p.Test.DisplayName == "Data: Tables bind to Reqnroll's DataTable and its Assist helpers");
        Assert.Contains("account Alice 1234.56", Journal.Entries);
        Assert.Contains("logs a1 Info 12, a2 Warning 340", Journal.Entries);
    }

    [Fact]
    public async Task AnIgnoredScenarioIsSkippedAndNotRun()
    {
        var run = await SampleRun.RunAsync("data.feature");

        var skipped = Assert.Single(run.Skipped);
        Assert.Equal("Data: A scenario that is not ready yet", skipped.Test.DisplayName);
        Assert.Contains("@ignore", skipped.Reason);
    }
}
