namespace LogPipeline.Gherkin;

/// <summary>
/// Limits the step definitions and hooks of a class or method to a tag, a feature title or a scenario title; every
/// property given must match. Several scopes: any may match. When a scoped and an unscoped step definition both
/// match a step, the scoped one wins.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScopeAttribute : Attribute
{
    /// <summary>A tag (with or without <c>@</c>) the scenario or its feature must have.</summary>
    public string? Tag { get; set; }

    /// <summary>The feature title.</summary>
    public string? Feature { get; set; }

    /// <summary>The scenario title.</summary>
    public string? Scenario { get; set; }
}
