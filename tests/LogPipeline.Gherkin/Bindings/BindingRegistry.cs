using System.Reflection;
using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>The step definitions and hooks of a set of binding classes, and the lookup of a step's definition.</summary>
public sealed class BindingRegistry
{
    const BindingFlags BindingMethods = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    BindingRegistry(IReadOnlyList<StepDefinitionBinding> stepDefinitions, IReadOnlyList<HookBinding> hooks)
    {
        StepDefinitions = stepDefinitions;
        Hooks = hooks;
    }

    /// <summary>Every step definition.</summary>
    public IReadOnlyList<StepDefinitionBinding> StepDefinitions { get; }

    /// <summary>Every hook.</summary>
    public IReadOnlyList<HookBinding> Hooks { get; }

    /// <summary>The bindings of every <c>[Binding]</c> class in <paramref name="assemblies"/>.</summary>
    public static BindingRegistry FromAssemblies(params Assembly[] assemblies) =>
        FromTypes([.. assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsDefined(typeof(BindingAttribute), inherit: false))]);

    /// <summary>
    /// The bindings of the given classes (whether or not they carry <c>[Binding]</c>). Throws a
    /// <see cref="BindingException"/> listing every problem: invalid expressions, non-static test run or feature hooks.
    /// </summary>
    public static BindingRegistry FromTypes(params Type[] types)
    {
        var steps = new List<StepDefinitionBinding>();
        var hooks = new List<HookBinding>();
        var problems = new List<string>();
        foreach (var type in types.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var classScopes = ScopesOf(type);
            foreach (var method in type.GetMethods(BindingMethods).OrderBy(m => m.MetadataToken))
            {
                var scopes = classScopes.Concat(ScopesOf(method)).ToList();
                foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
                {
                    try
                    {
                        steps.Add(new StepDefinitionBinding(method, attribute.Type, StepExpression.Parse(attribute.Expression), scopes));
                    }
                    catch (FormatException ex)
                    {
                        problems.Add($"{MethodDescription.Of(method)}: \"{attribute.Expression}\" is not a valid expression: {ex.Message}");
                    }
                }

                foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
                {
                    if (!method.IsStatic && attribute.Type is HookType.BeforeTestRun or HookType.AfterTestRun or HookType.BeforeFeature or HookType.AfterFeature)
                    {
                        problems.Add($"{MethodDescription.Of(method)}: [{attribute.Type}] hooks must be static.");
                        continue;
                    }

                    hooks.Add(new HookBinding(method, attribute.Type, attribute.Order, attribute.Tags, scopes));
                }
            }
        }

        return problems.Count == 0
            ? new BindingRegistry(steps, hooks)
            : throw new BindingException("Invalid bindings:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>The hooks of <paramref name="type"/> in run order (by <see cref="HookBinding.Order"/>, then as declared).</summary>
    public IEnumerable<HookBinding> HooksOf(HookType type) => Hooks.Where(h => h.Type == type).OrderBy(h => h.Order);

    /// <summary>
    /// The step definition for <paramref name="step"/> in <paramref name="scenario"/>. Among several matches, those
    /// whose parameters fit win, then those with a <see cref="ScopeAttribute"/>; more than one left is ambiguous.
    /// </summary>
    public StepMatch Match(GherkinStep step, ScenarioCase scenario)
    {
        var matches = StepDefinitions
            .Where(b => b.Type is null || b.Type == step.Type)
            .Where(b => BindingScope.AnyMatches(b.Scopes, scenario.Feature.Title, scenario.CombinedTags, scenario.Title))
            .Select(b => (Binding: b, Values: b.Expression.Match(step.Text)))
            .Where(m => m.Values is not null)
            .Select(m => (m.Binding, Values: m.Values!))
            .ToList();

        if (matches.Count > 1 && matches.Any(m => m.Binding.Accepts(m.Values.Count, step)))
        {
            matches = [.. matches.Where(m => m.Binding.Accepts(m.Values.Count, step))];
        }

        if (matches.Count > 1 && matches.Any(m => m.Binding.Scopes.Count > 0))
        {
            matches = [.. matches.Where(m => m.Binding.Scopes.Count > 0)];
        }

        return matches.Count switch
        {
            1 => new StepMatch(StepMatchKind.Found, matches[0].Binding, matches[0].Values, [], null),
            0 => new StepMatch(StepMatchKind.Undefined, null, [], [], OtherKindHint(step)),
            _ => new StepMatch(StepMatchKind.Ambiguous, null, [], [.. matches.Select(m => m.Binding)], null),
        };
    }

    string? OtherKindHint(GherkinStep step)
    {
        var others = StepDefinitions.Where(b => b.Type is not null && b.Type != step.Type && b.Expression.Match(step.Text) is not null).ToList();
        return others.Count == 0
            ? null
            : $"{string.Join(", ", others.Select(o => $"[{o.Type}] {o.Description}"))} match(es) the text, but this is a {step.Type} step.";
    }

    static IEnumerable<BindingScope> ScopesOf(MemberInfo member) =>
        member.GetCustomAttributes<ScopeAttribute>().Select(s => new BindingScope(s.Tag, s.Feature, s.Scenario));
}
