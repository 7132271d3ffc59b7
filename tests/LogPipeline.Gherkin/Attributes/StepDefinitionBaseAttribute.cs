namespace LogPipeline.Gherkin;

/// <summary>
/// Binds a method to the steps that match <see cref="Expression"/>: a regular expression (it starts with <c>^</c>,
/// ends with <c>$</c> or uses regex syntax such as <c>(\d+)</c>; always matched against the whole step text) or a
/// cucumber expression (<c>{int}</c>, <c>{string}</c>, <c>{float}</c>, <c>{word}</c>, plain text).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute(string expression, StepDefinitionType? type) : Attribute
{
    /// <summary>The regular or cucumber expression the step text must match.</summary>
    public string Expression { get; } = expression;

    /// <summary>The step kind this definition binds to; <c>null</c> binds to any kind.</summary>
    public StepDefinitionType? Type { get; } = type;
}
