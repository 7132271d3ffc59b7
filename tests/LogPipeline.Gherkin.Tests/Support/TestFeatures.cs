using LogPipeline.Gherkin.Parsing;
using LogPipeline.Gherkin.XunitRunner;

namespace LogPipeline.Gherkin.Tests.Support;

/// <summary>The sample feature files under TestData/Features, read from the repository.</summary>
internal static class TestFeatures
{
    public const string Root = "tests/LogPipeline.Gherkin.Tests/TestData/Features";

    public static FeatureDocument Load(string name)
    {
        var file = FeatureFileLocator.Find($"{Root}/{name}").Single();
        return FeatureParser.ParseFile(file.FullPath, file.FilePath);
    }

    public static string PathOf(string name) => $"{Root}/{name}";
}
