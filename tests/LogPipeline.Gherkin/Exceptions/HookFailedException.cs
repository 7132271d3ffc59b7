namespace LogPipeline.Gherkin;

/// <summary>A hook threw; says which hook, and carries the original exception as <see cref="Exception.InnerException"/>.</summary>
public sealed class HookFailedException(HookType hookType, string hook, Exception innerException)
    : Exception($"[{hookType}] hook {hook} failed: {innerException.GetType().FullName}: {innerException.Message}", innerException)
{
    /// <summary>When the hook ran.</summary>
    public HookType HookType { get; } = hookType;

    /// <summary>The hook method, as <c>Class.Method(ParameterTypes)</c>.</summary>
    public string Hook { get; } = hook;
}
