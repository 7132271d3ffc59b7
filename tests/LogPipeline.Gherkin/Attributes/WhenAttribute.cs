namespace LogPipeline.Gherkin;

/// <summary>Binds a method to When steps (and the And/But steps that follow them).</summary>
public sealed class WhenAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepDefinitionType.When);
