namespace LogPipeline.Reqnroll.xUnit.Discovery;

/// <summary>
/// Resolves the path given to <see cref="FeatureScenariosAttribute"/>: absolute, or relative to the repository root
/// (the nearest folder above the test binaries holding <see cref="MarkerFile"/>; the binaries' folder if none). A
/// folder yields its <c>*.feature</c> files, subfolders included, in ordinal order.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string MarkerFile = "LogPipeline.slnx";

    /// <summary>The feature files at <paramref name="path"/>: (full path, path shown in messages).</summary>
    public static IReadOnlyList<(string FullPath, string FilePath)> FindFeatureFiles(string path, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        baseDirectory ??= AppContext.BaseDirectory;
        var root = FindRoot(baseDirectory) ?? baseDirectory;
        var fullPath = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
        if (File.Exists(fullPath))
        {
            return [(fullPath, Relative(root, fullPath))];
        }

        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException(
                $"No feature files at '{path}': '{fullPath}' does not exist (paths are relative to the repository root, the folder holding {MarkerFile}).");
        }

        return [.. Directory.EnumerateFiles(fullPath, "*.feature", SearchOption.AllDirectories)
            .Select(f => (f, Relative(root, f)))
            .OrderBy(f => f.Item2, StringComparer.Ordinal)];
    }

    static string? FindRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    static string Relative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }
}
