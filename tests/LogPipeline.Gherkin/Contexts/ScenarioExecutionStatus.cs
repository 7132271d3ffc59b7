namespace LogPipeline.Gherkin;

/// <summary>How a scenario is doing, as in Reqnroll.</summary>
public enum ScenarioExecutionStatus
{
    OK,
    StepDefinitionPending,
    UndefinedStep,
    BindingError,
    TestError,
    Skipped,
}
