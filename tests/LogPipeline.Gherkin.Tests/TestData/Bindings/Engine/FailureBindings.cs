namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>Step definitions for Engine/failures.feature.</summary>
public sealed class FailureBindings(EventLog log)
{
    [StepDefinition("a passing step")]
    public void APassingStep() => log.Add("passing step");

    [When("a step throws")]
    public void WhenAStepThrows() => throw new InvalidOperationException("boom");

    [Given("a pending step")]
    public void GivenAPendingStep() => throw new PendingStepException();

    [Given(@"^a count of (\w+)$")]
    public void GivenACountOf(int count) => log.AddValues(count);

    [Given("an ambiguous step")]
    public void First() => log.Add("first");
}
