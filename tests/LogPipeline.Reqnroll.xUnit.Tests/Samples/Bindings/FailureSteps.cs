using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>Steps that pass, throw, are pending, or match twice (with <see cref="OtherAmbiguousSteps"/>).</summary>
[Binding]
public sealed class FailureSteps
{
    [Given("a passing step")]
    [When("a passing step")]
    [Then("a passing step")]
    public void APassingStep() => Journal.Record("passing step");

    [When("a step throws")]
    public void AStepThrows() => throw new InvalidOperationException("boom");

    [Given("a pending step")]
    public void APendingStep() => throw new PendingStepException();

    [Given("an ambiguous step")]
    public void First()
    {
    }
}
