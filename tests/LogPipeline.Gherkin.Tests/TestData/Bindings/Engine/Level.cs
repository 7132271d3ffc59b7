namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

public enum Level
{
    Info,
    Warning,
    Error,
    LatencySpike,
}
