namespace LogPipeline.Gherkin;

/// <summary>What the feature file says about a scenario (for an outline: one example row).</summary>
/// <param name="Title">The scenario's name, with outline placeholders filled in.</param>
/// <param name="Description">The free text under the scenario line, or empty.</param>
/// <param name="Tags">The scenario's own tags (and its examples block's), without <c>@</c>.</param>
/// <param name="CombinedTags">The feature's tags and <paramref name="Tags"/>.</param>
/// <param name="Arguments">An outline row's values by column name; empty for a plain scenario.</param>
/// <param name="Line">The line of the scenario in its feature file.</param>
public sealed record ScenarioInfo(
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> CombinedTags,
    IReadOnlyDictionary<string, string> Arguments,
    int Line);
