namespace LogPipeline.Gherkin;

/// <summary>Binds a method to Then steps (and the And/But steps that follow them).</summary>
public sealed class ThenAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepDefinitionType.Then);
