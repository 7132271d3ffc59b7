namespace LogPipeline.Gherkin.Parsing;

/// <summary>A parsed feature file: its header and its runnable scenarios (outlines expanded), in file order.</summary>
public sealed class FeatureDocument
{
    /// <summary>The file as shown in names and messages (relative to the repository root, with <c>/</c>).</summary>
    public required string FilePath { get; init; }

    /// <summary>The absolute path of the file.</summary>
    public required string FullPath { get; init; }

    /// <summary>The feature's name (the file name when the file has no Feature line).</summary>
    public required string Title { get; init; }

    /// <summary>The free text under the Feature line, or empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>The feature's tags, without <c>@</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The Gherkin language.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The runnable scenarios; set once by the parser.</summary>
    public IReadOnlyList<ScenarioCase> Scenarios { get; internal set; } = [];

    /// <summary>The scenario at <paramref name="line"/> (and example row <paramref name="exampleLine"/>, 0 for none).</summary>
    public ScenarioCase? Find(int line, int exampleLine) =>
        Scenarios.FirstOrDefault(s => s.Line == line && s.ExampleLine == exampleLine);

    /// <summary>What <see cref="FeatureContext.FeatureInfo"/> shows.</summary>
    public FeatureInfo ToFeatureInfo() => new(Title, Description, Tags, FilePath, Language);
}
