namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>Stands for what a [BeforeTestRun] hook starts (the running system) and registers for every scenario.</summary>
public interface IGlobalService
{
    string Name { get; }
}
