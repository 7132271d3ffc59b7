using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

[Binding]
public sealed class FirstContextSteps(SharedState state, ITestOutputHelper output)
{
    [Given("the first class records the shared state")]
    public void Record()
    {
        state.RecordedBy.Add(nameof(FirstContextSteps));
        output.WriteLine("hello from a binding, through the ITestOutputHelper in the scenario container");
    }
}
