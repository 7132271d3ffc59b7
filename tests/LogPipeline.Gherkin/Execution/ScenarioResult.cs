using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.Execution;

/// <summary>How a scenario went: its status, each step's outcome, the error that fails it and the text it wrote.</summary>
public sealed record ScenarioResult(
    ScenarioCase Scenario,
    ScenarioExecutionStatus Status,
    IReadOnlyList<StepResult> Steps,
    Exception? Error,
    string Output)
{
    /// <summary>Whether the scenario passed.</summary>
    public bool Passed => Error is null;

    /// <summary>Throws <see cref="Error"/> if there is one.</summary>
    public void ThrowIfFailed()
    {
        if (Error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Error);
        }
    }
}
