using LogPipeline.Gherkin.Assist;

namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>Step definitions for Engine/steps.feature; they record the converted values.</summary>
public sealed class StepBindings(EventLog log)
{
    [Given("a count of {int}, a ratio of {float}, the word {word} and the text {string}")]
    public void GivenPlaceholders(int count, double ratio, string word, string text) => log.AddValues(count, ratio, word, text);

    [Given("the text {string} and the amount {int}")]
    public void GivenQuotedTextAndAmount(string text, long amount) => log.AddValues(text, amount);

    [Given("{int} log(s) arrive")]
    public void GivenLogsArrive(int count) => log.AddValues(count);

    [Given("a red/green light")]
    public void GivenALight() => log.AddValues("light");

    [Given(@"^(\d+) logs at level (\w+) took (\d+ ms)$")]
    public void GivenLogsTook(int count, Level level, TimeSpan took) => log.AddValues(count, level, took);

    [Given(@"the level ""(.*)"" lasted (.+) and should alert: (yes|no)")]
    public void GivenTheLevelLasted(Level level, TimeSpan duration, bool alert) => log.AddValues(level, duration, alert);

    [Given(@"a total of (\d+) bytes costs ([\d.]+) dollars")]
    public void GivenATotal(long bytes, decimal cost) => log.AddValues(bytes, cost);

    [Given("these logs:")]
    public void GivenTheseLogs(DataTable table) => log.AddValues(table, table.CreateSet<LogRow>().ToList());

    [Given("this account:")]
    public void GivenThisAccount(DataTable table) => log.AddValues(table.CreateInstance<Account>());

    [Given("this payload:")]
    public void GivenThisPayload(string payload) => log.AddValues(payload);

    [Given("a kind step")]
    public void GivenAKindStep() => log.Add("Given");

    [When("a kind step")]
    public void WhenAKindStep() => log.Add("When");

    [Then("a kind step")]
    public void ThenAKindStep() => log.Add("Then");

    [Given("an async Task step")]
    public async Task GivenAnAsyncTaskStep()
    {
        await Task.Delay(1);
        log.Add("Task");
    }

    [Given("an async ValueTask step")]
    public async ValueTask GivenAnAsyncValueTaskStep()
    {
        await Task.Yield();
        log.Add("ValueTask");
    }

    [Given("an async ValueTask of int step")]
    public async ValueTask<int> GivenAnAsyncValueTaskOfIntStep()
    {
        await Task.Yield();
        log.Add("ValueTask<int>");
        return 1;
    }
}
