namespace LogPipeline.Deploy.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The directory holding LogPipeline.slnx, found from the test assembly's location.</summary>
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LogPipeline.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LogPipeline.slnx not found above " + AppContext.BaseDirectory);
    }
}
