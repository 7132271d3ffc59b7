namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

[Binding]
public sealed class FirstCounterSteps(CounterState state)
{
    [Given("the first binding class increments the shared counter")]
    public void GivenTheFirstClassIncrements() => state.Counter++;
}
