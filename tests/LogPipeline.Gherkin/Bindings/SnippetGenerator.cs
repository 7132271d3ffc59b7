using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>Writes the step definition code that an undefined step needs (a regular expression, like the brief's).</summary>
public static partial class SnippetGenerator
{
    /// <summary>
    /// A step definition for <paramref name="step"/>: numbers become <c>(\d+)</c> or <c>(\d+\.\d+)</c>, quoted text
    /// <c>"([^"]*)"</c>; e.g. <c>[Given(@"there are (\d+) logs")] public void GivenThereAreLogs(int p0)</c>.
    /// </summary>
    public static string StepDefinition(GherkinStep step, string indent = "")
    {
        var pattern = new StringBuilder();
        var name = new StringBuilder(step.Type.ToString());
        var parameters = new List<string>();
        var position = 0;
        foreach (Match token in Parameter().Matches(step.Text))
        {
            AppendLiteral(step.Text[position..token.Index], pattern, name);
            var p = $"p{parameters.Count}";
            if (token.Groups["quoted"].Success)
            {
                pattern.Append("\"\"([^\"\"]*)\"\"");
                parameters.Add($"string {p}");
            }
            else if (token.Value.Contains('.'))
            {
                pattern.Append(token.Value.StartsWith('-') ? @"(-?\d+\.\d+)" : @"(\d+\.\d+)");
                parameters.Add($"decimal {p}");
            }
            else
            {
                pattern.Append(token.Value.StartsWith('-') ? @"(-?\d+)" : @"(\d+)");
                parameters.Add((long.TryParse(token.Value, CultureInfo.InvariantCulture, out var n) && n is > int.MaxValue or < int.MinValue ? "long " : "int ") + p);
            }

            position = token.Index + token.Length;
        }

        AppendLiteral(step.Text[position..], pattern, name);
        if (step.Table is not null)
        {
            parameters.Add("DataTable table");
        }
        else if (step.DocString is not null)
        {
            parameters.Add("string multilineText");
        }

        var nl = Environment.NewLine;
        return $"{indent}[{step.Type}(@\"{pattern}\")]{nl}" +
            $"{indent}public void {name}({string.Join(", ", parameters)}){nl}" +
            $"{indent}{{{nl}" +
            $"{indent}    throw new PendingStepException();{nl}" +
            $"{indent}}}";
    }

    /// <summary>A <c>[Binding]</c> class holding step definitions for <paramref name="steps"/>.</summary>
    public static string BindingClass(string className, IEnumerable<GherkinStep> steps) =>
        $$"""
        [Binding]
        public class {{className}}
        {
        {{string.Join(Environment.NewLine + Environment.NewLine, steps.Select(s => StepDefinition(s, "    ")).Distinct())}}
        }
        """;

    /// <summary>An identifier in PascalCase made of the letters and digits of <paramref name="text"/>.</summary>
    public static string PascalCase(string text) =>
        string.Concat(Words().Matches(text).Select(w => char.ToUpperInvariant(w.Value[0]) + w.Value[1..]));

    static void AppendLiteral(string text, StringBuilder pattern, StringBuilder name)
    {
        foreach (var c in text)
        {
            if (@"\*+?|{}[]()^$.#".Contains(c))
            {
                pattern.Append('\\');
            }

            pattern.Append(c == '"' ? "\"\"" : c.ToString());
        }

        name.Append(PascalCase(text));
    }

    [GeneratedRegex(@"""(?<quoted>[^""]*)""|(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Words();
}
