namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>A feature file found by <see cref="FeatureFileLocator"/>.</summary>
/// <param name="FullPath">The absolute path.</param>
/// <param name="FilePath">The path shown in test names and messages: relative to the repository root, with <c>/</c>.</param>
public sealed record FeatureFile(string FullPath, string FilePath);
