using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Bindings;

public sealed class StepArgumentConverterTests
{
    public static TheoryData<string, Type, object?> Conversions => new()
    {
        { "42", typeof(int), 42 },
        { "-9000000000", typeof(long), -9000000000L },
        { "2.5", typeof(double), 2.5 },
        { "1234.56", typeof(decimal), 1234.56m },
        { "text", typeof(string), "text" },
        { "yes", typeof(bool), true },
        { "False", typeof(bool), false },
        { "00:01:30", typeof(TimeSpan), TimeSpan.FromSeconds(90) },
        { "250 ms", typeof(TimeSpan), TimeSpan.FromMilliseconds(250) },
        { "5s", typeof(TimeSpan), TimeSpan.FromSeconds(5) },
        { "2 minutes", typeof(TimeSpan), TimeSpan.FromMinutes(2) },
        { "error", typeof(Level), Level.Error },
        { "latency spike", typeof(Level), Level.LatencySpike },
        { "latency_spike", typeof(Level), Level.LatencySpike },
        { "", typeof(int?), null },
        { "7", typeof(int?), 7 },
        { "0f8fad5b-d9cb-469f-a165-70867728950e", typeof(Guid), Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void TextConvertsToTheParameterType(string text, Type type, object? expected) =>
        Assert.Equal(expected, StepArgumentConverter.Convert(text, type));

    [Theory]
    [InlineData("many", typeof(int))]
    [InlineData("maybe", typeof(bool))]
    [InlineData("purple", typeof(Level))]
    [InlineData("soon", typeof(TimeSpan))]
    public void TextThatDoesNotConvertIsAFormatError(string text, Type type) =>
        Assert.Throws<FormatException>(() => StepArgumentConverter.Convert(text, type));
}
