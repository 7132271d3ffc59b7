namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

public enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
}
