namespace LogPipeline.Gherkin;

/// <summary>The container cannot build an object: nothing registered for an interface, a cycle, a failing constructor.</summary>
public sealed class ObjectContainerException(string message, Exception? innerException = null) : Exception(message, innerException);
