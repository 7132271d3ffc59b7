namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// Resolves the path given to <see cref="GherkinScenariosAttribute"/>: absolute, or relative to the repository root
/// (<see cref="RepositoryRoot"/>, found from <see cref="AppContext.BaseDirectory"/>); when no repository root is
/// found (binaries copied elsewhere), relative to <see cref="AppContext.BaseDirectory"/>. A folder yields its
/// <c>*.feature</c> files, subfolders included, in ordinal order of their paths.
/// </summary>
public static class FeatureFileLocator
{
    /// <summary>The feature files at <paramref name="path"/>, resolved from <paramref name="baseDirectory"/> (default: the test binaries).</summary>
    public static IReadOnlyList<FeatureFile> Find(string path, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        baseDirectory ??= AppContext.BaseDirectory;
        var root = RepositoryRoot.Find(baseDirectory) ?? baseDirectory;
        var fullPath = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));

        if (File.Exists(fullPath))
        {
            return [new FeatureFile(fullPath, Relative(root, fullPath))];
        }

        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException(
                $"No feature files at '{path}': '{fullPath}' does not exist (paths are relative to the repository root, " +
                $"the folder holding {RepositoryRoot.MarkerFile}, found from {baseDirectory}).");
        }

        return [.. Directory.EnumerateFiles(fullPath, "*.feature", SearchOption.AllDirectories)
            .Select(f => new FeatureFile(f, Relative(root, f)))
            .OrderBy(f => f.FilePath, StringComparer.Ordinal)];
    }

    static string Relative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }
}
