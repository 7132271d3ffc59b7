namespace LogPipeline.Testing;

/// <summary>A fresh directory under the system's temporary folder, deleted with its content on dispose.</summary>
public sealed class TemporaryDirectory(string prefix = "logpipeline-tests-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
