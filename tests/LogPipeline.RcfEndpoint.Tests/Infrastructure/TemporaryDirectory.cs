namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rcf-endpoint-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
