namespace LogPipeline.Gherkin.Parsing;

/// <summary>A feature file is not valid Gherkin; the message names the file, line and column.</summary>
public sealed class FeatureParseException(string message, Exception? innerException = null) : Exception(message, innerException);
