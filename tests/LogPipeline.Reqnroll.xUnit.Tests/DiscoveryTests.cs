using LogPipeline.Reqnroll.xUnit.Tests.Support;

namespace LogPipeline.Reqnroll.xUnit.Tests;

public sealed class DiscoveryTests
{
    static readonly string DataFeature = $"{SampleRun.Features}/data.feature";

    [Fact]
    public void EachScenarioAndExamplesRowIsOneTestCaseNamedFeatureColonScenario()
    {
        Assert.Equal(
            [
                "Data: Logs at info are counted (count: 1, level: info, query: /api/logs?level＝info)",
                "Data: Logs at warn are counted (count: 2, level: warn, query: /api/logs?level＝warn)",
                "Data: Logs at error are counted (count: 1000, level: error, query: /api/logs?level＝error)",
                "Data: Tables bind to Reqnroll's DataTable and its Assist helpers",
                "Data: A scenario that is not ready yet",
            ],
            SampleRun.Discover(DataFeature).Select(t => t.DisplayName));
    }

    [Fact]
    public void NoNameHoldsAnEqualsSignWhichVsTestFiltersRefuse()
    {
        Assert.All(SampleRun.Discover(SampleRun.Features), t => Assert.DoesNotContain('=', t.DisplayName));
    }

    [Fact]
    public void TagsOfTheFeatureScenarioAndExamplesBecomeCategoryTraits()
    {
        var big = SampleRun.Discover(DataFeature).Single(t => t.DisplayName.StartsWith("Data: Logs at error", StringComparison.Ordinal));

        Assert.Equal(["data", "outline", "slow"], big.Traits["Category"]);
        Assert.Equal(["Data"], big.Traits["Feature"]);
    }

    [Fact]
    public void TheIgnoreTagSkipsWithAReason()
    {
        var ignored = Assert.Single(SampleRun.Discover(DataFeature), t => t.SkipReason is not null);

        Assert.Equal("Data: A scenario that is not ready yet", ignored.DisplayName);
        Assert.Equal("Ignored: the scenario or its feature is tagged @ignore", ignored.SkipReason);
    }

    [Fact]
    public void TestCasesSurviveSerializationAndPointAtTheirLine()
    {
        var testCases = SampleRun.Discover(SampleRun.Features);

        Assert.Equal(testCases.Count, testCases.Select(t => t.UniqueID).Distinct().Count());
        foreach (var testCase in testCases)
        {
            var copy = SampleRun.RoundTrip(testCase);
            Assert.Equal(testCase.DisplayName, copy.DisplayName);
            Assert.Equal(testCase.SkipReason, copy.SkipReason);
            Assert.Equal(testCase.UniqueID, copy.UniqueID);
            Assert.Equal(testCase.Traits, copy.Traits);
            Assert.Equal(testCase.SourceInformation.LineNumber, copy.SourceInformation.LineNumber);
        }

        var row = testCases.Single(t => t.DisplayName.StartsWith("Data: Logs at warn", StringComparison.Ordinal));
        Assert.Equal(23, row.SourceInformation.LineNumber);
        Assert.Equal(DataFeature, row.FeatureFile);
    }

    [Fact]
    public void AMissingFolderBecomesAFailingTestCaseThatSaysWhere()
    {
        var testCase = Assert.Single(SampleRun.Discover("features/does-not-exist"));

        Assert.Equal("Feature files at 'features/does-not-exist'", testCase.DisplayName);
        Assert.Contains("does not exist", testCase.Error);
    }

    [Fact]
    public void AnInvalidFeatureFileBecomesAFailingTestCaseWithTheParsersMessage()
    {
        var testCase = Assert.Single(SampleRun.Discover("tests/LogPipeline.Reqnroll.xUnit.Tests/Samples/Invalid"));

        Assert.Equal("tests/LogPipeline.Reqnroll.xUnit.Tests/Samples/Invalid/broken.feature: invalid feature file", testCase.DisplayName);
        Assert.Contains("(5:", testCase.Error);
    }
}
