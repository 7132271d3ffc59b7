namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

public sealed class LogRow
{
    public string Id { get; set; } = "";

    public Level Level { get; set; }

    public int LatencyInMs { get; set; }
}
