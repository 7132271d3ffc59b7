namespace LogPipeline.Gherkin;

/// <summary>The step being run.</summary>
/// <param name="StepDefinitionType">Given, When or Then (And/But resolved).</param>
/// <param name="Keyword">The keyword as written, e.g. <c>And</c>.</param>
/// <param name="Text">The step text after the keyword.</param>
/// <param name="Table">The step's data table, if any.</param>
/// <param name="MultilineText">The step's doc string, if any.</param>
/// <param name="Line">The line of the step in its feature file.</param>
public sealed record StepInfo(
    StepDefinitionType StepDefinitionType,
    string Keyword,
    string Text,
    DataTable? Table,
    string? MultilineText,
    int Line);
