using Gherkin;
using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Discovery;

/// <summary>One step as Reqnroll's runner takes it: placeholders filled in, <c>And</c>/<c>But</c>/<c>*</c> resolved to the kind before them.</summary>
public sealed record ScenarioStep(string Keyword, StepKeywordType Kind, string Text, int Line, string? DocString, DataTable? Table)
{
    /// <summary>How messages show the step: <c>When a step throws</c>.</summary>
    public override string ToString() => Keyword.TrimEnd() + " " + Text;
}
