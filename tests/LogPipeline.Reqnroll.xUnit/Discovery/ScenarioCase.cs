using System.Collections.Specialized;
using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Discovery;

/// <summary>
/// One test case: a scenario, or one Examples row of a scenario outline, with its Background steps first;
/// identified within its feature by <see cref="Line"/> and <see cref="ExampleLine"/>.
/// </summary>
public sealed class ScenarioCase
{
    public required FeatureFile Feature { get; init; }

    /// <summary>The scenario's name, placeholders filled in.</summary>
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The line of the Scenario (Outline) keyword.</summary>
    public required int Line { get; init; }

    /// <summary>The line of the Examples row; 0 for a plain scenario.</summary>
    public int ExampleLine { get; init; }

    /// <summary>The scenario's and its Examples block's tags, without <c>@</c>.</summary>
    public required string[] Tags { get; init; }

    /// <summary>The feature's and the rule's tags, without <c>@</c>.</summary>
    public required string[] InheritedTags { get; init; }

    public RuleInfo? Rule { get; init; }

    /// <summary>The Examples row's values by column, in column order; empty for a plain scenario.</summary>
    public required OrderedDictionary Arguments { get; init; }

    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    /// <summary>
    /// <c>Feature: Scenario</c>, plus <c>(column: value, …)</c> for an Examples row. '=' becomes '＝', because
    /// VSTest refuses filters on names holding '='.
    /// </summary>
    public string DisplayName =>
        (Arguments.Count == 0
            ? $"{Feature.Info.Title}: {Title}"
            : $"{Feature.Info.Title}: {Title} ({string.Join(", ", Arguments.Cast<System.Collections.DictionaryEntry>().Select(a => $"{a.Key}: {a.Value}"))})")
        .Replace('=', '＝');

    /// <summary>What Reqnroll's <see cref="ScenarioContext.ScenarioInfo"/> shows.</summary>
    public ScenarioInfo ToScenarioInfo() => new(Title, Description, Tags, Arguments, InheritedTags);

    /// <summary>Whether this case or its feature is tagged <c>@ignore</c> (any case), as Reqnroll's generator checks.</summary>
    public bool IsIgnored => TagHelper.ContainsIgnoreTag(Tags) || TagHelper.ContainsIgnoreTag(InheritedTags);

    /// <summary><c>path:line</c>, the Examples row's line for an outline row.</summary>
    public string Location => $"{Feature.FilePath}:{(ExampleLine > 0 ? ExampleLine : Line)}";
}
