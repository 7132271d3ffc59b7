using LogPipeline.Gherkin.Bindings;

namespace LogPipeline.Gherkin.Tests.Bindings;

public sealed class StepExpressionTests
{
    [Theory]
    [InlineData(@"^there are (\d+) logs$", true)]
    [InlineData(@"there are (\d+) logs", true)]
    [InlineData(@"the log ""(.*)"" is stored", true)]
    [InlineData("the level is (info|error)", true)]
    [InlineData("there are {int} logs", false)]
    [InlineData("the system is running", false)]
    [InlineData("there is 1 log(s)", false)]
    [InlineData("is it ready?", false)]
    public void RegularExpressionsAreToldFromCucumberExpressions(string source, bool isRegex) =>
        Assert.Equal(isRegex, StepExpression.Parse(source).IsRegularExpression);

    [Fact]
    public void RegularExpressionsMatchTheWholeStepText()
    {
        var expression = StepExpression.Parse(@"there are (\d+) logs");
        Assert.Equal(["3"], expression.Match("there are 3 logs"));
        Assert.Null(expression.Match("there are 3 logs today"));
        Assert.Null(expression.Match("now there are 3 logs"));
    }

    [Fact]
    public void CucumberParametersCaptureTheirValues()
    {
        var expression = StepExpression.Parse("{int} logs of {word} with {string} cost {float} and {}");
        Assert.Equal(["-3", "kind-a", "disk full", "2.5", "the rest"], expression.Match("""-3 logs of kind-a with "disk full" cost 2.5 and the rest"""));
        Assert.Equal(["3", "a", "it's", ".5", ""], expression.Match("""3 logs of a with "it's" cost .5 and """));
        Assert.Equal(["3", "a", "single", "1e3", "x"], expression.Match("3 logs of a with 'single' cost 1e3 and x"));
        Assert.Null(expression.Match("three logs of a with \"b\" cost 1 and x"));
    }

    [Fact]
    public void CucumberOptionalTextAndAlternativesMatch()
    {
        var expression = StepExpression.Parse("{int} log(s) is/are stored");
        Assert.NotNull(expression.Match("1 log is stored"));
        Assert.NotNull(expression.Match("2 logs are stored"));
        Assert.Null(expression.Match("2 logz are stored"));
    }

    [Fact]
    public void CucumberExpressionsTreatRegexCharactersAsText()
    {
        var expression = StepExpression.Parse("is it ready? (yes) {word}. a+b");
        Assert.False(expression.IsRegularExpression);
        Assert.NotNull(expression.Match("is it ready? yes now. a+b"));
        Assert.Null(expression.Match("is it readyX yes now. a+b"));
        Assert.Null(expression.Match("is it ready? yes nowX aab"));
    }

    [Fact]
    public void AnInvalidRegularExpressionIsAFormatError() =>
        Assert.Throws<FormatException>(() => StepExpression.Parse(@"^there are (\d+ logs$"));
}
