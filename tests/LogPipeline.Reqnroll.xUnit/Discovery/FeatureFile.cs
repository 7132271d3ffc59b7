using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Globalization;
using Gherkin;
using Gherkin.Ast;
using Reqnroll;
using DataTable = Reqnroll.DataTable;

namespace LogPipeline.Reqnroll.xUnit.Discovery;

/// <summary>
/// A feature file parsed with the Gherkin parser Reqnroll brings, expanded into its <see cref="ScenarioCase"/>s, with
/// the one <see cref="FeatureInfo"/> every scenario of the file shares: Reqnroll tells features apart by reference.
/// </summary>
public sealed class FeatureFile
{
    static readonly ConcurrentDictionary<string, (DateTime WrittenAt, FeatureFile File)> Cache = new(StringComparer.Ordinal);

    FeatureFile(string fullPath, string filePath, Feature feature)
    {
        FullPath = fullPath;
        FilePath = filePath;
        Info = new FeatureInfo(
            Language(feature.Language), Path.GetDirectoryName(filePath) ?? "", feature.Name, Trim(feature.Description), ProgrammingLanguage.CSharp, TagNames(feature.Tags));
        Scenarios = [.. Expand(feature)];
    }

    public string FullPath { get; }

    /// <summary>The path messages show: relative to the repository root, with <c>/</c>.</summary>
    public string FilePath { get; }

    public FeatureInfo Info { get; }

    public IReadOnlyList<ScenarioCase> Scenarios { get; }

    /// <summary>The parsed file, shared by discovery and execution in one process; parsed again when it changed.</summary>
    public static FeatureFile Load(string fullPath, string filePath)
    {
        var writtenAt = File.GetLastWriteTimeUtc(fullPath);
        if (Cache.TryGetValue(fullPath, out var cached) && cached.WrittenAt == writtenAt && cached.File.FilePath == filePath)
        {
            return cached.File;
        }

        var document = new Parser().Parse(fullPath);
        var feature = document.Feature ?? throw new InvalidDataException($"{filePath} has no Feature.");
        var file = new FeatureFile(fullPath, filePath, feature);
        Cache[fullPath] = (writtenAt, file);
        return file;
    }

    IEnumerable<ScenarioCase> Expand(Feature feature)
    {
        var featureBackground = feature.Children.OfType<Background>().FirstOrDefault();
        foreach (var child in feature.Children)
        {
            if (child is Scenario scenario)
            {
                foreach (var scenarioCase in Expand(scenario, [featureBackground], Info.Tags, null))
                {
                    yield return scenarioCase;
                }
            }
            else if (child is Rule rule)
            {
                var ruleInfo = new RuleInfo(rule.Name, Trim(rule.Description), TagNames(rule.Tags));
                var ruleBackground = rule.Children.OfType<Background>().FirstOrDefault();
                foreach (var ruleScenario in rule.Children.OfType<Scenario>())
                {
                    foreach (var scenarioCase in Expand(ruleScenario, [featureBackground, ruleBackground], [.. Info.Tags, .. ruleInfo.Tags], ruleInfo))
                    {
                        yield return scenarioCase;
                    }
                }
            }
        }
    }

    IEnumerable<ScenarioCase> Expand(Scenario scenario, Background?[] backgrounds, string[] inheritedTags, RuleInfo? rule)
    {
        var background = backgrounds.Where(b => b is not null).SelectMany(b => b!.Steps).ToList();
        if (!scenario.Examples.Any())
        {
            yield return Case(scenario, background, inheritedTags, rule, TagNames(scenario.Tags), 0, []);
            yield break;
        }

        foreach (var examples in scenario.Examples)
        {
            var header = examples.TableHeader?.Cells.Select(c => c.Value).ToArray() ?? [];
            foreach (var row in examples.TableBody)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, cell) in header.Zip(row.Cells))
                {
                    values[name] = cell.Value;
                }

                yield return Case(scenario, background, inheritedTags, rule, [.. TagNames(scenario.Tags), .. TagNames(examples.Tags)], row.Location.Line, values);
            }
        }
    }

    ScenarioCase Case(Scenario scenario, List<Step> background, string[] inheritedTags, RuleInfo? rule, string[] tags, int exampleLine, Dictionary<string, string> values)
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in values)
        {
            arguments[name] = value;
        }

        var kind = StepKeywordType.Context;
        var steps = new List<ScenarioStep>();
        foreach (var step in background.Concat(scenario.Steps))
        {
            kind = step.KeywordType is StepKeywordType.Context or StepKeywordType.Action or StepKeywordType.Outcome ? step.KeywordType : kind;
            var docString = (step.Argument as DocString)?.Content;
            steps.Add(new ScenarioStep(step.Keyword, kind, Fill(step.Text, values), step.Location.Line, docString is null ? null : Fill(docString, values), Table(step.Argument as Gherkin.Ast.DataTable, values)));
        }

        return new ScenarioCase
        {
            Feature = this,
            Title = Fill(scenario.Name, values),
            Description = Trim(scenario.Description),
            Line = scenario.Location.Line,
            ExampleLine = exampleLine,
            Tags = tags,
            InheritedTags = inheritedTags,
            Rule = rule,
            Arguments = arguments,
            Steps = steps,
        };
    }

    static DataTable? Table(Gherkin.Ast.DataTable? table, Dictionary<string, string> values)
    {
        if (table is null)
        {
            return null;
        }

        var rows = table.Rows.Select(r => r.Cells.Select(c => Fill(c.Value, values)).ToArray()).ToList();
        var dataTable = new DataTable(rows[0]);
        foreach (var row in rows.Skip(1))
        {
            dataTable.AddRow(row);
        }

        return dataTable;
    }

    static string Fill(string text, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace($"<{name}>", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The feature's language (Reqnroll's snippets are written in it); the invariant culture if it cannot be created.</summary>
    static CultureInfo Language(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    static string[] TagNames(IEnumerable<Tag> tags) => [.. tags.Select(t => t.Name.TrimStart('@'))];

    static string Trim(string? description) => description?.Trim() ?? "";
}
