using LogPipeline.Gherkin.Assist;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Execution;

public sealed class DataTableTests
{
    [Fact]
    public void RowsAreReadByColumnNameOrIndex()
    {
        var table = new DataTable("Id", "Level");
        table.AddRow("a1", "info");

        Assert.Equal(1, table.RowCount);
        Assert.Equal("info", table.Rows[0]["Level"]);
        Assert.Equal("info", table.Rows[0]["level"]);
        Assert.Equal("a1", table.Rows[0][0]);
        Assert.Equal(new Dictionary<string, string> { ["Id"] = "a1", ["Level"] = "info" }, table.Rows[0].ToDictionary());
        var error = Assert.Throws<KeyNotFoundException>(() => table.Rows[0]["Latency"]);
        Assert.Contains("its columns are: Id, Level", error.Message);
    }

    [Fact]
    public void CreateSetBuildsOneObjectPerRow()
    {
        var table = new DataTable("id", "level", "latency in ms");
        table.AddRow("a1", "error", "12");
        table.AddRow("a2", "latency spike", "340");

        var rows = table.CreateSet<LogRow>().ToList();

        Assert.Equal(["a1", "a2"], rows.Select(r => r.Id));
        Assert.Equal([Level.Error, Level.LatencySpike], rows.Select(r => r.Level));
        Assert.Equal([12, 340], rows.Select(r => r.LatencyInMs));
    }

    [Fact]
    public void CreateInstanceReadsVerticalAndHorizontalTables()
    {
        var vertical = new DataTable("Field", "Value");
        vertical.AddRow("Name", "Alice");
        vertical.AddRow("Balance", "10.5");
        var horizontal = new DataTable("Name", "Balance");
        horizontal.AddRow("Bob", "3");

        Assert.Equal(new Account("Alice", 10.5m), vertical.CreateInstance<Account>());
        Assert.Equal(new Account("Bob", 3m), horizontal.CreateInstance<Account>());
    }

    [Fact]
    public void ARowNeedsOneCellPerColumn() =>
        Assert.Throws<ArgumentException>(() => new DataTable("a", "b").AddRow("only one"));
}
