namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

public sealed record StoredLog(string Id, LogLevel Level, int Latency);
