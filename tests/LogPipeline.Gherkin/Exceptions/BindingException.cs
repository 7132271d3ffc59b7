namespace LogPipeline.Gherkin;

/// <summary>A step definition or hook cannot be used as written: bad expression, wrong parameters, a value that does not convert.</summary>
public sealed class BindingException(string message, Exception? innerException = null) : Exception(message, innerException);
