namespace LogPipeline.Gherkin;

/// <summary>The context of the step being run (Reqnroll's <c>ScenarioStepContext</c>).</summary>
public sealed class ScenarioStepContext(StepInfo stepInfo) : GherkinContext
{
    /// <summary>The step.</summary>
    public StepInfo StepInfo { get; } = stepInfo;
}
