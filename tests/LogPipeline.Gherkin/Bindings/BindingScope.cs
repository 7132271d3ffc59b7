namespace LogPipeline.Gherkin.Bindings;

/// <summary>A <see cref="ScopeAttribute"/>: every part given must match.</summary>
public sealed record BindingScope(string? Tag, string? Feature, string? Scenario)
{
    /// <summary>Whether a scenario (or, with <paramref name="scenarioTitle"/> null, a feature) is in this scope.</summary>
    public bool Matches(string featureTitle, IReadOnlyList<string> tags, string? scenarioTitle) =>
        (Tag is null || tags.Contains(Tag.TrimStart('@'), StringComparer.OrdinalIgnoreCase)) &&
        (Feature is null || string.Equals(Feature, featureTitle, StringComparison.OrdinalIgnoreCase)) &&
        (Scenario is null || (scenarioTitle is not null && string.Equals(Scenario, scenarioTitle, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether any of <paramref name="scopes"/> matches (no scopes: everything matches).</summary>
    public static bool AnyMatches(IReadOnlyList<BindingScope> scopes, string featureTitle, IReadOnlyList<string> tags, string? scenarioTitle) =>
        scopes.Count == 0 || scopes.Any(s => s.Matches(featureTitle, tags, scenarioTitle));
}
