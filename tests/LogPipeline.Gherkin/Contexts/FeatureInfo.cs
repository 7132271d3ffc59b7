namespace LogPipeline.Gherkin;

/// <summary>What the feature file says about a feature.</summary>
/// <param name="Title">The feature's name.</param>
/// <param name="Description">The free text under the feature line, or empty.</param>
/// <param name="Tags">The feature's tags, without <c>@</c>.</param>
/// <param name="FilePath">The file, relative to the repository root (or as given).</param>
/// <param name="Language">The Gherkin language of the file (<c>en</c> unless a <c># language:</c> line says otherwise).</param>
public sealed record FeatureInfo(
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    string FilePath,
    string Language);
