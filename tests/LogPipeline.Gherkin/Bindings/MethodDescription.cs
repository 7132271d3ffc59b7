using System.Reflection;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>Names binding methods in messages: <c>Class.Method(Int32, String)</c>.</summary>
public static class MethodDescription
{
    /// <summary>The method as <c>Class.Method(ParameterTypes)</c>.</summary>
    public static string Of(MethodInfo method) =>
        $"{method.DeclaringType?.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
