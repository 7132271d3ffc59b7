namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

public enum LogLevel
{
    Info,
    Warning,
}
