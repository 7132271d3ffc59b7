namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>Finds the repository root: the nearest folder, from the test binaries up, that holds <see cref="MarkerFile"/>.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the repository root.</summary>
    public const string MarkerFile = "LogPipeline.slnx";

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> holding <paramref name="markerFile"/>, or null.</summary>
    public static string? Find(string startDirectory, string markerFile = MarkerFile)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, markerFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
