namespace LogPipeline.Gherkin.Tests;

/// <summary>The runner used as the specs project uses it: every scenario under TestData/Features/EndToEnd is a test.</summary>
public sealed class EndToEndScenarios
{
    public const string FeaturePath = "tests/LogPipeline.Gherkin.Tests/TestData/Features/EndToEnd";

    [GherkinScenarios(FeaturePath)]
    public void Scenarios()
    {
    }
}
