using LogPipeline.Gherkin.Parsing;
using LogPipeline.Gherkin.Tests.Support;

namespace LogPipeline.Gherkin.Tests.Parsing;

public sealed class FeatureParserTests
{
    readonly FeatureDocument feature = TestFeatures.Load("Engine/parsing.feature");

    [Fact]
    public void EachScenarioAndExampleRowIsOneCaseNamedAfterFeatureAndScenario()
    {
        Assert.Equal(
            [
                "Parsing: A plain scenario",
                "Parsing: An outline with info logs (count: 1, level: info)",
                "Parsing: An outline with warn logs (count: 2, level: warn)",
                "Parsing: An outline with error logs (count: 1000, level: error)",
            ],
            feature.Scenarios.Select(s => s.DisplayName));
    }

    [Fact]
    public void BackgroundStepsComeFirstInEveryScenario()
    {
        Assert.All(feature.Scenarios, s =>
        {
            Assert.Equal(["a background step", "another background step"], s.Steps.Take(2).Select(step => step.Text));
            Assert.All(s.Steps.Take(2), step => Assert.True(step.IsBackground));
            Assert.All(s.Steps.Skip(2), step => Assert.False(step.IsBackground));
        });
    }

    [Fact]
    public void AndButAndStarTakeTheKindOfTheStepBefore()
    {
        var plain = feature.Scenarios[0];
        Assert.Equal(
            [
                StepDefinitionType.Given, StepDefinitionType.Given, StepDefinitionType.Given, StepDefinitionType.When,
                StepDefinitionType.When, StepDefinitionType.Then, StepDefinitionType.Then, StepDefinitionType.Then,
            ],
            plain.Steps.Select(s => s.Type));
        Assert.Equal(["Given", "And", "Given", "When", "And", "Then", "But", "*"], plain.Steps.Select(s => s.Keyword));
    }

    [Fact]
    public void TablesAndDocStringsAreRead()
    {
        var plain = feature.Scenarios[0];
        var table = plain.Steps[2].Table!;
        Assert.Equal(["name", "count"], table.Header);
        Assert.Equal("beta", table.Rows[1]["name"]);
        Assert.Equal("""{"level": "info"}""", plain.Steps[3].DocString);
        Assert.Null(plain.Steps[3].Table);
    }

    [Fact]
    public void OutlineValuesFillStepsTablesAndTitles()
    {
        var big = feature.Scenarios[3];
        Assert.Equal("An outline with error logs", big.Title);
        Assert.Equal("1000 logs at level error", big.Steps[2].Text);
        Assert.Equal(["error", "1000"], big.Steps[3].Table!.Rows[0].Cells);
        Assert.Equal(new Dictionary<string, string> { ["count"] = "1000", ["level"] = "error" }, big.Arguments);
    }

    [Fact]
    public void TagsCombineFeatureScenarioAndExamples()
    {
        Assert.Equal(["parsing", "fast"], feature.Tags);
        Assert.Equal(["first"], feature.Scenarios[0].Tags);
        Assert.Equal(["outline"], feature.Scenarios[1].Tags);
        Assert.Equal(["outline", "big"], feature.Scenarios[3].Tags);
        Assert.Equal(["parsing", "fast", "outline", "big"], feature.Scenarios[3].CombinedTags);
        Assert.True(feature.Scenarios[3].HasTag("@BIG"));
    }

    [Fact]
    public void LinesIdentifyEachCase()
    {
        Assert.All(feature.Scenarios, s => Assert.Same(s, feature.Find(s.Line, s.ExampleLine)));
        Assert.Equal(0, feature.Scenarios[0].ExampleLine);
        Assert.Equal(feature.Scenarios.Count, feature.Scenarios.Select(s => s.Location).Distinct().Count());
        Assert.Equal($"{TestFeatures.PathOf("Engine/parsing.feature")}:10", feature.Scenarios[0].Location);
    }

    [Fact]
    public void DescriptionsAreKept()
    {
        Assert.Equal("A feature with every construct the runner supports.", feature.Description);
        Assert.Equal("It has a description.", feature.Scenarios[0].Description);
    }

    [Fact]
    public void InvalidGherkinNamesTheFileAndLine()
    {
        var error = Assert.Throws<FeatureParseException>(() => TestFeatures.Load("Invalid/broken.feature"));
        Assert.Contains("Invalid/broken.feature", error.Message);
        Assert.Contains("(5:1): expected:", error.Message);
    }

    [Fact]
    public void AFileInAnotherLanguageUsesItsKeywords()
    {
        const string text = """
            # language: de
            Funktionalität: Speicher
              Szenario: Logs werden gespeichert
                Angenommen ein leerer Speicher
                Und noch ein Schritt
                Wenn ein Log ankommt
                Dann ist es gespeichert
            """;
        var document = FeatureParser.Parse(new StringReader(text), "/virtual/de.feature", "de.feature");
        Assert.Equal("Speicher: Logs werden gespeichert", document.Scenarios.Single().DisplayName);
        Assert.Equal(
            [StepDefinitionType.Given, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then],
            document.Scenarios.Single().Steps.Select(s => s.Type));
    }
}
