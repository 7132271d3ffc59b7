using Gherkin;
using Gherkin.Ast;
using AstDataTable = Gherkin.Ast.DataTable;

namespace LogPipeline.Gherkin.Parsing;

/// <summary>Reads a feature file with the Gherkin 5 parser and expands it into runnable <see cref="ScenarioCase"/>s.</summary>
public static class FeatureParser
{
    /// <summary>Parses the file at <paramref name="fullPath"/>; <paramref name="filePath"/> is how names and messages show it.</summary>
    public static FeatureDocument ParseFile(string fullPath, string filePath)
    {
        using var reader = new StreamReader(fullPath);
        return Parse(reader, fullPath, filePath);
    }

    /// <summary>Parses Gherkin text; <paramref name="filePath"/> is how names and messages show it.</summary>
    public static FeatureDocument Parse(TextReader reader, string fullPath, string filePath)
    {
        GherkinDocument document;
        try
        {
            document = new Parser().Parse(reader);
        }
        catch (ParserException ex)
        {
            throw new FeatureParseException($"{filePath} is not valid Gherkin: {ex.Message}", ex);
        }

        var feature = document.Feature;
        if (feature is null)
        {
            return new FeatureDocument { FilePath = filePath, FullPath = fullPath, Title = Path.GetFileNameWithoutExtension(filePath) };
        }

        var result = new FeatureDocument
        {
            FilePath = filePath,
            FullPath = fullPath,
            Title = string.IsNullOrWhiteSpace(feature.Name) ? Path.GetFileNameWithoutExtension(filePath) : feature.Name.Trim(),
            Description = feature.Description?.Trim() ?? "",
            Tags = TagNames(feature.Tags),
            Language = feature.Language ?? "en",
        };
        var classifier = new StepKeywordClassifier(new GherkinDialectProvider().GetDialect(result.Language, feature.Location));
        var background = feature.Children.OfType<Background>().FirstOrDefault();
        var backgroundSteps = background is null ? [] : ToSteps(background.Steps, classifier, NoArguments, isBackground: true);
        result.Scenarios = [.. feature.Children.SelectMany(child => Expand(result, child, backgroundSteps, classifier))];
        return result;
    }

    static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

    static IEnumerable<ScenarioCase> Expand(
        FeatureDocument feature, ScenarioDefinition definition, List<GherkinStep> backgroundSteps, StepKeywordClassifier classifier)
    {
        switch (definition)
        {
            case Scenario scenario:
                yield return new ScenarioCase
                {
                    Feature = feature,
                    Title = scenario.Name.Trim(),
                    Description = scenario.Description?.Trim() ?? "",
                    Line = scenario.Location.Line,
                    Tags = TagNames(scenario.Tags),
                    Steps = [.. backgroundSteps, .. ToSteps(scenario.Steps, classifier, NoArguments, isBackground: false)],
                };
                break;
            case ScenarioOutline outline:
                foreach (var examples in outline.Examples)
                {
                    var header = examples.TableHeader?.Cells.Select(c => c.Value).ToArray() ?? [];
                    foreach (var row in examples.TableBody ?? [])
                    {
                        var arguments = new OrderedDictionary<string, string>();
                        foreach (var (name, value) in header.Zip(row.Cells.Select(c => c.Value)))
                        {
                            arguments[name] = value;
                        }

                        yield return new ScenarioCase
                        {
                            Feature = feature,
                            Title = Substitute(outline.Name, arguments).Trim(),
                            Description = outline.Description?.Trim() ?? "",
                            Line = outline.Location.Line,
                            ExampleLine = row.Location.Line,
                            Tags = [.. TagNames(outline.Tags).Concat(TagNames(examples.Tags)).Distinct(StringComparer.OrdinalIgnoreCase)],
                            Arguments = arguments,
                            Steps = [.. backgroundSteps, .. ToSteps(outline.Steps, classifier, arguments, isBackground: false)],
                        };
                    }
                }

                break;
        }
    }

    static List<GherkinStep> ToSteps(
        IEnumerable<Step> steps, StepKeywordClassifier classifier, IReadOnlyDictionary<string, string> arguments, bool isBackground)
    {
        var result = new List<GherkinStep>();
        StepDefinitionType? previous = null;
        foreach (var step in steps)
        {
            var type = classifier.Classify(step.Keyword, previous);
            previous = type;
            result.Add(new GherkinStep(
                step.Keyword.Trim(),
                type,
                Substitute(step.Text, arguments),
                step.Location.Line,
                step.Argument is AstDataTable table ? ToTable(table, arguments) : null,
                step.Argument is DocString docString ? Substitute(docString.Content, arguments) : null,
                isBackground));
        }

        return result;
    }

    static DataTable ToTable(AstDataTable source, IReadOnlyDictionary<string, string> arguments)
    {
        var rows = source.Rows.Select(r => r.Cells.Select(c => Substitute(c.Value, arguments)).ToArray()).ToList();
        var table = new DataTable(rows[0]);
        foreach (var row in rows.Skip(1))
        {
            table.AddRow(row);
        }

        return table;
    }

    static string Substitute(string text, IReadOnlyDictionary<string, string> arguments)
    {
        foreach (var (name, value) in arguments)
        {
            text = text.Replace($"<{name}>", value, StringComparison.Ordinal);
        }

        return text;
    }

    static string[] TagNames(IEnumerable<Tag>? tags) => tags?.Select(t => t.Name.TrimStart('@')).ToArray() ?? [];
}
