namespace LogPipeline.SageMakerRuntime.Tests;

/// <summary>What the fake AWS endpoint received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
