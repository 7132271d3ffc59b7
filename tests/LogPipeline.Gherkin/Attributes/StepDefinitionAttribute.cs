namespace LogPipeline.Gherkin;

/// <summary>Binds a method to Given, When and Then steps alike.</summary>
public sealed class StepDefinitionAttribute(string expression) : StepDefinitionBaseAttribute(expression, null);
