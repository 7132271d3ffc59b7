namespace LogPipeline.Gherkin;

/// <summary>
/// Marks a hook method. Hooks with a lower <see cref="Order"/> run first (default 10000, as in Reqnroll). Tags,
/// when given, limit a feature, scenario or step hook to features and scenarios with at least one of them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute(HookType type, string[] tags) : Attribute
{
    /// <summary>The default <see cref="Order"/>.</summary>
    public const int DefaultOrder = 10000;

    /// <summary>When the hook runs.</summary>
    public HookType Type { get; } = type;

    /// <summary>Tags (with or without <c>@</c>) of which a scenario needs one for the hook to run; empty: always.</summary>
    public IReadOnlyList<string> Tags { get; } = tags;

    /// <summary>Hooks of one kind run by ascending order.</summary>
    public int Order { get; set; } = DefaultOrder;
}
