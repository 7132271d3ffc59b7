using System.Reflection;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>Calls a binding method and awaits it when it returns Task, ValueTask or ValueTask&lt;T&gt;; exceptions are not wrapped.</summary>
internal static class MethodInvoker
{
    public static async Task InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        switch (result)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
            case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)result.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                await asTask;
                break;
        }
    }
}
