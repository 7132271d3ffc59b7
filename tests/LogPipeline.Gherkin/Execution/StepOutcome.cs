namespace LogPipeline.Gherkin.Execution;

/// <summary>What happened to a step.</summary>
public enum StepOutcome
{
    Passed,
    Failed,
    Pending,
    Undefined,
    Ambiguous,
    BindingError,
    Skipped,
}
