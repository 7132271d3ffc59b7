namespace LogPipeline.Gherkin;

/// <summary>Steps have no step definition; the message lists each with its file and line, and code to create them.</summary>
public sealed class MissingStepDefinitionException(string message) : Exception(message);
