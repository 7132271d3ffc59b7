using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.Execution;

/// <summary>A step's outcome, the method that ran it (if any), how long it took and what it threw.</summary>
public sealed record StepResult(GherkinStep Step, StepOutcome Outcome, string? Binding, TimeSpan Duration, Exception? Error);
