namespace LogPipeline.Gherkin;

/// <summary>A step matches more than one step definition; the message lists them.</summary>
public sealed class AmbiguousBindingException(string message, IReadOnlyList<string> matchingMethods) : Exception(message)
{
    /// <summary>The matching methods, as <c>Class.Method(ParameterTypes)</c>.</summary>
    public IReadOnlyList<string> MatchingMethods { get; } = matchingMethods;
}
