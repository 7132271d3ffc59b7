using System.Text.Json;
using LogPipeline.Gherkin.Assist;

namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

[Binding]
public sealed class StorageSteps(LogStore store)
{
    [Given("an empty log store")]
    public void GivenAnEmptyLogStore() => Assert.Empty(store.Logs);

    [Given("these logs arrive:")]
    public void GivenTheseLogsArrive(DataTable logs) => store.Logs.AddRange(logs.CreateSet<StoredLog>());

    [Given(@"(\d+) logs at level (\w+) arrive")]
    public void GivenLogsAtLevelArrive(int count, LogLevel level) =>
        store.Logs.AddRange(Enumerable.Range(0, count).Select(i => new StoredLog($"n{i}", level, 1)));

    [Given("this log arrives as JSON:")]
    public void GivenThisLogArrivesAsJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        store.Logs.Add(new StoredLog(root.GetProperty("id").GetString()!, Enum.Parse<LogLevel>(root.GetProperty("level").GetString()!, true), 0));
    }

    [When("the store is queried for {string}")]
    public void WhenTheStoreIsQueried(string id) => store.Current = store.Logs.SingleOrDefault(l => l.Id == id);

    [Then(@"^the log has level (\w+) and a latency of (\d+) ms$")]
    public void ThenTheLogHas(LogLevel level, int latency) => Assert.Equal(new StoredLog("a2", level, latency), store.Current);

    [Then("the store holds {int} log(s)")]
    public void ThenTheStoreHolds(int count) => Assert.Equal(count, store.Logs.Count);

    [Then("the store holds no log {string}")]
    public void ThenTheStoreHoldsNoLog(string id) => Assert.DoesNotContain(store.Logs, l => l.Id == id);
}
