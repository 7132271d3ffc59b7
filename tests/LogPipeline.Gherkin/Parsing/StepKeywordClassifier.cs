using Gherkin;

namespace LogPipeline.Gherkin.Parsing;

/// <summary>Tells Given/When/Then from a step keyword in the file's language; And, But and <c>*</c> inherit.</summary>
internal sealed class StepKeywordClassifier(GherkinDialect dialect)
{
    public StepDefinitionType Classify(string keyword, StepDefinitionType? previous)
    {
        if (Contains(dialect.AndStepKeywords, keyword) || Contains(dialect.ButStepKeywords, keyword))
        {
            return previous ?? StepDefinitionType.Given;
        }

        if (Contains(dialect.GivenStepKeywords, keyword))
        {
            return StepDefinitionType.Given;
        }

        if (Contains(dialect.WhenStepKeywords, keyword))
        {
            return StepDefinitionType.When;
        }

        return Contains(dialect.ThenStepKeywords, keyword) ? StepDefinitionType.Then : previous ?? StepDefinitionType.Given;
    }

    static bool Contains(string[] keywords, string keyword) =>
        keywords.Any(k => string.Equals(k.Trim(), keyword.Trim(), StringComparison.Ordinal));
}
