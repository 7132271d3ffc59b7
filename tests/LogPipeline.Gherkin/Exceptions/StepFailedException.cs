namespace LogPipeline.Gherkin;

/// <summary>
/// A step (or a step hook) threw: says where in which feature file, which step, and carries the original exception
/// as <see cref="Exception.InnerException"/> (its message is repeated in this one).
/// </summary>
public sealed class StepFailedException(string filePath, int line, string step, Exception innerException)
    : Exception($"{filePath}:{line}: step failed: {step}{Environment.NewLine}{innerException.GetType().FullName}: {innerException.Message}", innerException)
{
    /// <summary>The feature file.</summary>
    public string FilePath { get; } = filePath;

    /// <summary>The step's line.</summary>
    public int Line { get; } = line;

    /// <summary>The step, keyword and text.</summary>
    public string Step { get; } = step;
}
