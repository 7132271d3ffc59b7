using LogPipeline.Gherkin.Bindings;

namespace LogPipeline.Gherkin.Execution;

/// <summary>Runs hooks in order, building instance hooks' classes and every parameter from a container.</summary>
internal static class HookInvoker
{
    /// <summary>Runs <paramref name="hooks"/>; returns the first failure (wrapped in <see cref="HookFailedException"/>), or null.</summary>
    public static async Task<Exception?> RunAsync(IEnumerable<HookBinding> hooks, IObjectContainer container, ScenarioOutput? output, bool stopAtFirstError)
    {
        Exception? first = null;
        foreach (var hook in hooks)
        {
            try
            {
                var target = hook.Method.IsStatic ? null : container.Resolve(hook.Method.DeclaringType!);
                var arguments = hook.Method.GetParameters().Select(p => container.Resolve(p.ParameterType)).ToArray();
                await MethodInvoker.InvokeAsync(hook.Method, target, arguments);
            }
            catch (Exception ex)
            {
                output?.WriteLine($"-> [{hook.Type}] {hook.Description} failed: {ex.GetType().Name}: {ex.Message}");
                first ??= new HookFailedException(hook.Type, hook.Description, ex);
                if (stopAtFirstError)
                {
                    break;
                }
            }
        }

        return first;
    }
}
