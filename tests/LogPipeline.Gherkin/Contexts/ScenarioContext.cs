namespace LogPipeline.Gherkin;

/// <summary>One per scenario: its <see cref="ScenarioInfo"/>, its status so far, the current step and a property bag.</summary>
public sealed class ScenarioContext(ScenarioInfo scenarioInfo) : GherkinContext
{
    /// <summary>The scenario.</summary>
    public ScenarioInfo ScenarioInfo { get; } = scenarioInfo;

    /// <summary><see cref="ScenarioExecutionStatus.OK"/> until a step or hook fails.</summary>
    public ScenarioExecutionStatus ScenarioExecutionStatus { get; internal set; }

    /// <summary>The error that failed the scenario, for after-scenario hooks to look at.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>The step being run; <c>null</c> outside steps.</summary>
    public ScenarioStepContext? StepContext { get; internal set; }

    /// <summary>Marks the current step as not implemented yet.</summary>
    public void Pending() => throw new PendingStepException();
}
