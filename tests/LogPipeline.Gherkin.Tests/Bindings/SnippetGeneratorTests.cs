using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.Tests.Bindings;

public sealed class SnippetGeneratorTests
{
    [Fact]
    public void NumbersBecomeIntegerParameters()
    {
        var snippet = SnippetGenerator.StepDefinition(Step(StepDefinitionType.Given, "there are 3 logs"));
        Assert.Contains(@"[Given(@""there are (\d+) logs"")]", snippet);
        Assert.Contains("public void GivenThereAreLogs(int p0)", snippet);
        Assert.Contains("throw new PendingStepException();", snippet);
    }

    [Fact]
    public void QuotedTextDecimalsTablesAndDocStringsBecomeParameters()
    {
        var withTable = Step(StepDefinitionType.When, "the log \"a1\" costs 2.5 dollars") with { Table = new DataTable("a") };
        var snippet = SnippetGenerator.StepDefinition(withTable);
        Assert.Contains(@"[When(@""the log """"([^""""]*)"""" costs (\d+\.\d+) dollars"")]", snippet);
        Assert.Contains("public void WhenTheLogCostsDollars(string p0, decimal p1, DataTable table)", snippet);

        var withDocString = Step(StepDefinitionType.Then, "the body is") with { DocString = "{}" };
        Assert.Contains("public void ThenTheBodyIs(string multilineText)", SnippetGenerator.StepDefinition(withDocString));
    }

    [Fact]
    public void GeneratedExpressionsMatchTheStepTheyWereMadeFor()
    {
        foreach (var text in new[] { "there are 3 logs", "the log \"a1\" costs 2.5 dollars", "a (strange) step. with * chars?", "-4 degrees" })
        {
            var snippet = SnippetGenerator.StepDefinition(Step(StepDefinitionType.Given, text));
            var verbatim = snippet[(snippet.IndexOf("@\"", StringComparison.Ordinal) + 2)..snippet.IndexOf("\")]", StringComparison.Ordinal)];
            Assert.NotNull(StepExpression.Parse(verbatim.Replace("\"\"", "\"")).Match(text));
        }
    }

    static GherkinStep Step(StepDefinitionType type, string text) => new(type.ToString(), type, text, 1, null, null, false);
}
