using System.Reflection;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>A method run at a <see cref="HookType"/> point by a <see cref="HookAttribute"/>.</summary>
public sealed class HookBinding(MethodInfo method, HookType type, int order, IReadOnlyList<string> tags, IReadOnlyList<BindingScope> scopes)
{
    /// <summary>The method.</summary>
    public MethodInfo Method { get; } = method;

    /// <summary>When it runs.</summary>
    public HookType Type { get; } = type;

    /// <summary>Lower runs first.</summary>
    public int Order { get; } = order;

    /// <summary>Tags of which the scenario (or feature) needs one; empty: always.</summary>
    public IReadOnlyList<string> Tags { get; } = tags;

    /// <summary>Its <see cref="ScopeAttribute"/>s (the method's and its class's).</summary>
    public IReadOnlyList<BindingScope> Scopes { get; } = scopes;

    /// <summary>The method as <c>Class.Method(ParameterTypes)</c>.</summary>
    public string Description => MethodDescription.Of(Method);

    /// <summary>Whether the hook runs for this feature (and scenario, when given) with these tags.</summary>
    public bool AppliesTo(string featureTitle, IReadOnlyList<string> tags, string? scenarioTitle) =>
        (Tags.Count == 0 || Tags.Any(t => tags.Contains(t.TrimStart('@'), StringComparer.OrdinalIgnoreCase))) &&
        BindingScope.AnyMatches(Scopes, featureTitle, tags, scenarioTitle);
}
