using LogPipeline.Gherkin.Tests.Support;

namespace LogPipeline.Gherkin.Tests.XunitRunner;

public sealed class GherkinScenariosDiscovererTests
{
    [Fact]
    public void EachScenarioAndExampleRowIsOneTestCaseNamedFeatureColonScenario()
    {
        Assert.Equal(
            [
                "Run lifecycle: Context objects are shared within a scenario",
                "Run lifecycle: Context objects are fresh in the next scenario",
                "Run lifecycle: A tagged hook runs for a tagged scenario",
                "Run lifecycle: An untagged scenario skips the tagged hook",
                "Run lifecycle: The test run started once",
                "Storage: Normal traffic is stored and can be read back",
                "Storage: A batch of logs is counted (count: 3, level: info)",
                "Storage: A batch of logs is counted (count: 5, level: warn)",
                "Storage: A JSON document is stored verbatim",
                "Storage: A scenario that is not ready yet",
            ],
            ScenarioDiscovery.Discover().Select(t => t.DisplayName));
    }

    [Fact]
    public void TheIgnoreTagSkipsWithAReason()
    {
        var testCases = ScenarioDiscovery.Discover();

        var ignored = testCases.Single(t => t.SkipReason is not null);
        Assert.Equal("Storage: A scenario that is not ready yet", ignored.DisplayName);
        Assert.Equal("Ignored: the scenario or its feature is tagged @ignore", ignored.SkipReason);
    }

    [Fact]
    public void TagsAndTheFeatureBecomeTraits()
    {
        var slow = ScenarioDiscovery.Discover().Single(t => t.DisplayName == "Storage: A JSON document is stored verbatim");

        Assert.Equal(["storage", "slow"], slow.Traits["Category"]);
        Assert.Equal(["storage", "slow"], slow.Traits["Tag"]);
        Assert.Equal(["Storage"], slow.Traits["Feature"]);
    }

    [Fact]
    public void EveryTestCaseHasItsOwnIdAndPointsAtItsFeatureFile()
    {
        var testCases = ScenarioDiscovery.Discover();

        Assert.Equal(testCases.Count, testCases.Select(t => t.UniqueID).Distinct().Count());
        var outlineRow = testCases.Single(t => t.DisplayName.EndsWith("(count: 5, level: warn)", StringComparison.Ordinal));
        Assert.EndsWith("EndToEnd/storage.feature", outlineRow.SourceInformation.FileName.Replace('\\', '/'));
        Assert.Equal(outlineRow.ExampleLine, outlineRow.SourceInformation.LineNumber);
        Assert.Equal($"{EndToEndScenarios.FeaturePath}/storage.feature", outlineRow.FeatureFile);
    }

    [Fact]
    public void TestCasesSurviveSerialization()
    {
        foreach (var testCase in ScenarioDiscovery.Discover())
        {
            var copy = ScenarioDiscovery.RoundTrip(testCase);

            Assert.Equal(testCase.DisplayName, copy.DisplayName);
            Assert.Equal(testCase.SkipReason, copy.SkipReason);
            Assert.Equal(testCase.UniqueID, copy.UniqueID);
            Assert.Equal(testCase.Traits, copy.Traits);
            Assert.Equal((testCase.ScenarioLine, testCase.ExampleLine), (copy.ScenarioLine, copy.ExampleLine));
            Assert.Equal(testCase.SourceInformation.LineNumber, copy.SourceInformation.LineNumber);
        }
    }

    [Fact]
    public void AMissingFolderBecomesAFailingTestCaseThatSaysWhere()
    {
        var testCase = Assert.Single(ScenarioDiscovery.Discover(new PathAttributeInfo("features/does-not-exist")));

        Assert.Equal("Feature files at 'features/does-not-exist'", testCase.DisplayName);
        Assert.Contains("does not exist", testCase.Error);
        Assert.Contains("LogPipeline.slnx", testCase.Error);
    }

    [Fact]
    public void AnInvalidFeatureFileBecomesAFailingTestCase()
    {
        var testCase = Assert.Single(ScenarioDiscovery.Discover(new PathAttributeInfo(TestFeatures.PathOf("Invalid"))));

        Assert.Equal($"{TestFeatures.PathOf("Invalid/broken.feature")}: invalid feature file", testCase.DisplayName);
        Assert.Contains("is not valid Gherkin", testCase.Error);
    }
}
