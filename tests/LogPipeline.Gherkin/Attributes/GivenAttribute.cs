namespace LogPipeline.Gherkin;

/// <summary>Binds a method to Given steps (and the And/But steps that follow them).</summary>
public sealed class GivenAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepDefinitionType.Given);
