namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

[Binding]
public sealed class SecondCounterSteps(CounterState state)
{
    [When("the second binding class increments the shared counter")]
    public void WhenTheSecondClassIncrements() => state.Counter++;

    [Then("the shared counter is {int}")]
    public void ThenTheSharedCounterIs(int expected) => Assert.Equal(expected, state.Counter);
}
