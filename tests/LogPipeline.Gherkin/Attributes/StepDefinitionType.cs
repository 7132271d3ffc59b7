namespace LogPipeline.Gherkin;

/// <summary>The kind of a step: And and But take the kind of the step before them.</summary>
public enum StepDefinitionType
{
    Given,
    When,
    Then,
}
