namespace LogPipeline.Gherkin.Parsing;

/// <summary>One step of a runnable scenario, with outline placeholders filled in.</summary>
/// <param name="Keyword">The keyword as written, e.g. <c>And</c>.</param>
/// <param name="Type">Given, When or Then: And/But (and <c>*</c>) take the kind of the step before them.</param>
/// <param name="Text">The text after the keyword.</param>
/// <param name="Line">The step's line in its feature file.</param>
/// <param name="Table">The step's data table, if any.</param>
/// <param name="DocString">The step's doc string, if any.</param>
/// <param name="IsBackground">Whether the step comes from the feature's Background.</param>
public sealed record GherkinStep(
    string Keyword,
    StepDefinitionType Type,
    string Text,
    int Line,
    DataTable? Table,
    string? DocString,
    bool IsBackground)
{
    /// <summary>The step as written: keyword and text.</summary>
    public override string ToString() => $"{Keyword} {Text}";
}
