namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

public sealed record Account(string Name, decimal Balance);
