namespace LogPipeline.Gherkin.Parsing;

/// <summary>
/// One runnable test case: a scenario, or one example row of a scenario outline, with the Background's steps first.
/// Identified within its feature by <see cref="Line"/> and <see cref="ExampleLine"/>.
/// </summary>
public sealed class ScenarioCase
{
    /// <summary>The feature the scenario belongs to.</summary>
    public required FeatureDocument Feature { get; init; }

    /// <summary>The scenario's name (placeholders filled in).</summary>
    public required string Title { get; init; }

    /// <summary>The free text under the scenario line, or empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>The line of the Scenario or Scenario Outline keyword.</summary>
    public required int Line { get; init; }

    /// <summary>The line of the example row; 0 for a plain scenario.</summary>
    public int ExampleLine { get; init; }

    /// <summary>The scenario's own tags and its examples block's, without <c>@</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The example row's values by column name, in column order; empty for a plain scenario.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The Background's steps, then the scenario's.</summary>
    public required IReadOnlyList<GherkinStep> Steps { get; init; }

    /// <summary>The feature's tags, then the scenario's, without duplicates.</summary>
    public IReadOnlyList<string> CombinedTags =>
        [.. Feature.Tags.Concat(Tags).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The test name: <c>Feature: Scenario</c>, plus <c>(column: value, …)</c> for an example row.</summary>
    public string DisplayName =>
        Arguments.Count == 0
            ? $"{Feature.Title}: {Title}"
            : $"{Feature.Title}: {Title} ({string.Join(", ", Arguments.Select(a => $"{a.Key}: {a.Value}"))})";

    /// <summary>Where the scenario is: <c>path:line</c> (the example row's line for an outline row).</summary>
    public string Location => $"{Feature.FilePath}:{(ExampleLine > 0 ? ExampleLine : Line)}";

    /// <summary>Whether the scenario or its feature has <paramref name="tag"/> (with or without <c>@</c>, any case).</summary>
    public bool HasTag(string tag) => CombinedTags.Contains(tag.TrimStart('@'), StringComparer.OrdinalIgnoreCase);

    /// <summary>What <see cref="ScenarioContext.ScenarioInfo"/> shows.</summary>
    public ScenarioInfo ToScenarioInfo() => new(Title, Description, Tags, CombinedTags, Arguments, Line);

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
