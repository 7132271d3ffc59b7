using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>
/// A scenario that failed at a step: where (file and line), which step, what happened (<c>step failed</c>,
/// <c>undefined step</c>, <c>pending step</c>, <c>binding error</c>) and the cause, Reqnroll's own exception (for an
/// undefined step its message holds the step definitions to write).
/// </summary>
public sealed class StepFailedException(string filePath, int line, string step, string outcome, Exception cause)
    : ReqnrollException($"{filePath}:{line}: {outcome}: {step}\n{cause.GetType().FullName}: {cause.Message}", cause)
{
    public string FilePath { get; } = filePath;

    public int Line { get; } = line;

    /// <summary>The step as written, e.g. <c>When a step throws</c>.</summary>
    public string Step { get; } = step;
}
