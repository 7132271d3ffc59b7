namespace LogPipeline.Gherkin.Bindings;

/// <summary>What looking up a step's definition found.</summary>
public enum StepMatchKind
{
    Found,
    Undefined,
    Ambiguous,
}
