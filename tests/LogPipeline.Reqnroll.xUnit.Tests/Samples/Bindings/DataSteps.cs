using System.Globalization;
using Reqnroll;
using Reqnroll.Assist;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>Outline values, tables and doc strings, each recorded in the <see cref="Journal"/>.</summary>
[Binding]
public sealed class DataSteps(ScenarioContext scenario)
{
    IReadOnlyList<LogRow> logs = [];
    int count;
    string level = "";

    [Given("a background step")]
    public void ABackgroundStep() => Journal.Record("background");

    [Given("{int} logs at level {word}")]
    public void GivenLogsAtLevel(int count, string level)
    {
        (this.count, this.level) = (count, level);
        Journal.Record($"{count} logs at {level}; arguments {string.Join(", ", scenario.ScenarioInfo.Arguments.Keys.Cast<string>())}");
    }

    [Then("the table holds the row's values:")]
    public void ThenTheTableHoldsTheRowsValues(DataTable table)
    {
        var row = Assert.Single(table.Rows);
        Assert.Equal(level, row["level"]);
        Assert.Equal(count, int.Parse(row["count"], CultureInfo.InvariantCulture));
    }

    [Then("the document names the level {word}:")]
    public void ThenTheDocumentNamesTheLevel(string level, string document)
    {
        Assert.StartsWith($"level: {level}\n", document, StringComparison.Ordinal);
        Journal.Record("document " + document.ReplaceLineEndings(" | "));
    }

    [Given("these logs:")]
    public void GivenTheseLogs(DataTable table) => logs = [.. table.CreateSet<LogRow>()];

    [Given("this account:")]
    public void GivenThisAccount(DataTable table)
    {
        var account = table.CreateInstance<Account>();
        Journal.Record($"account {account.Name} {account.Balance.ToString(CultureInfo.InvariantCulture)}");
    }

    [Then("the logs are:")]
    public void ThenTheLogsAre(DataTable table)
    {
        table.CompareToSet(logs);
        Journal.Record($"logs {string.Join(", ", logs.Select(l => $"{l.Id} {l.Level} {l.LatencyInMs}"))}");
    }
}
