using System.Reflection;
using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>A method bound to steps by a <see cref="StepDefinitionBaseAttribute"/>.</summary>
public sealed class StepDefinitionBinding(MethodInfo method, StepDefinitionType? type, StepExpression expression, IReadOnlyList<BindingScope> scopes)
{
    /// <summary>The method.</summary>
    public MethodInfo Method { get; } = method;

    /// <summary>The step kind it binds to; <c>null</c> for any.</summary>
    public StepDefinitionType? Type { get; } = type;

    /// <summary>The text it matches.</summary>
    public StepExpression Expression { get; } = expression;

    /// <summary>Its <see cref="ScopeAttribute"/>s (the method's and its class's).</summary>
    public IReadOnlyList<BindingScope> Scopes { get; } = scopes;

    /// <summary>The method as <c>Class.Method(ParameterTypes)</c>.</summary>
    public string Description => MethodDescription.Of(Method);

    /// <summary>Whether the method's parameters fit the expression's values plus the step's table or doc string.</summary>
    public bool Accepts(int valueCount, GherkinStep step) => SignatureProblem(valueCount, step) is null;

    /// <summary>The arguments for a call: converted expression values, then the table or doc string.</summary>
    public object?[] BuildArguments(IReadOnlyList<string> values, GherkinStep step)
    {
        if (SignatureProblem(values.Count, step) is { } problem)
        {
            throw new BindingException(problem);
        }

        var parameters = Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < values.Count; i++)
        {
            try
            {
                arguments[i] = StepArgumentConverter.Convert(values[i], parameters[i].ParameterType);
            }
            catch (FormatException ex)
            {
                throw new BindingException(
                    $"Cannot convert '{values[i]}' to {parameters[i].ParameterType.Name} for parameter '{parameters[i].Name}' of {Description}: {ex.Message}", ex);
            }
        }

        if (step.Table is not null)
        {
            arguments[^1] = step.Table;
        }
        else if (step.DocString is not null)
        {
            arguments[^1] = step.DocString;
        }

        return arguments;
    }

    string? SignatureProblem(int valueCount, GherkinStep step)
    {
        var parameters = Method.GetParameters();
        var extra = step.Table is not null ? " and a data table" : step.DocString is not null ? " and a doc string" : "";
        var expected = valueCount + (extra.Length > 0 ? 1 : 0);
        if (parameters.Length != expected)
        {
            return $"{Description} takes {parameters.Length} parameter(s) but the step gives {expected}: {valueCount} from the expression \"{Expression.Source}\"{extra}.";
        }

        if (step.Table is not null && !parameters[^1].ParameterType.IsAssignableFrom(typeof(DataTable)))
        {
            return $"The last parameter of {Description} must be a DataTable: the step has a data table.";
        }

        if (step.DocString is not null && parameters[^1].ParameterType != typeof(string))
        {
            return $"The last parameter of {Description} must be a string: the step has a doc string.";
        }

        return null;
    }
}
