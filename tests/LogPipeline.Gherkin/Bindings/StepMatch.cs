namespace LogPipeline.Gherkin.Bindings;

/// <summary>The step definition for a step (with the expression's values), or why there is none.</summary>
/// <param name="Kind">Found, undefined or ambiguous.</param>
/// <param name="Binding">The step definition when found.</param>
/// <param name="Values">The expression's values when found.</param>
/// <param name="Candidates">The matching step definitions when ambiguous.</param>
/// <param name="Hint">For an undefined step: step definitions of another kind that match its text.</param>
public sealed record StepMatch(
    StepMatchKind Kind,
    StepDefinitionBinding? Binding,
    IReadOnlyList<string> Values,
    IReadOnlyList<StepDefinitionBinding> Candidates,
    string? Hint);
