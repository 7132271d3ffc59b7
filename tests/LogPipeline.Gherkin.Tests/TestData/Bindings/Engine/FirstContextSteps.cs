namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

public sealed class FirstContextSteps(SharedState state, EventLog log)
{
    [Given("the first class records the shared state")]
    public void GivenTheFirstClassRecords() => log.AddValues(state, this);
}
