namespace LogPipeline.Gherkin;

/// <summary>Thrown by a step definition that is not implemented yet; the scenario fails as pending.</summary>
public sealed class PendingStepException(string message) : Exception(message)
{
    /// <summary>The standard "not implemented yet" exception.</summary>
    public PendingStepException()
        : this("The step definition is not implemented yet.")
    {
    }
}
