using System.Text;
using System.Text.RegularExpressions;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>
/// Turns a cucumber expression into an anchored regular expression whose parameters are the named groups
/// <c>p0</c>, <c>p1</c>, …: <c>{int}</c>, <c>{long}</c>, <c>{float}</c>, <c>{double}</c>, <c>{decimal}</c>,
/// <c>{word}</c>, <c>{string}</c> (single or double quotes, not included in the value), <c>{}</c> and any other
/// <c>{Name}</c> (anything, converted to the parameter's type); <c>(s)</c> is optional text, <c>a/b</c> alternative
/// words, and <c>\</c> escapes the next character.
/// </summary>
internal static class CucumberExpressionTranslator
{
    const string Integer = @"-?\d+";
    const string Number = @"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?";

    public static (Regex Regex, int ParameterCount) Translate(string expression)
    {
        var pattern = new StringBuilder("^");
        var alternatives = new List<string>();
        var current = new StringBuilder();
        var parameters = 0;

        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            switch (c)
            {
                case '\\' when i + 1 < expression.Length:
                    current.Append(Regex.Escape(expression[++i].ToString()));
                    break;
                case '{':
                    var close = expression.IndexOf('}', i);
                    if (close < 0)
                    {
                        throw new FormatException($"'{{' at {i} has no closing '}}'.");
                    }

                    current.Append(ParameterPattern(expression[(i + 1)..close].Trim(), $"p{parameters++}"));
                    i = close;
                    break;
                case '(':
                    var end = expression.IndexOf(')', i);
                    if (end < 0)
                    {
                        throw new FormatException($"'(' at {i} has no closing ')'.");
                    }

                    current.Append("(?:").Append(Regex.Escape(expression[(i + 1)..end])).Append(")?");
                    i = end;
                    break;
                case '/':
                    alternatives.Add(current.ToString());
                    current.Clear();
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        FlushWord(pattern, alternatives, current);
                        pattern.Append(@"\s");
                    }
                    else
                    {
                        current.Append(Regex.Escape(c.ToString()));
                    }

                    break;
            }
        }

        FlushWord(pattern, alternatives, current);
        pattern.Append('$');
        return (new Regex(pattern.ToString(), RegexOptions.CultureInvariant), parameters);
    }

    static void FlushWord(StringBuilder pattern, List<string> alternatives, StringBuilder current)
    {
        if (alternatives.Count == 0)
        {
            pattern.Append(current);
        }
        else
        {
            alternatives.Add(current.ToString());
            pattern.Append("(?:").Append(string.Join('|', alternatives)).Append(')');
            alternatives.Clear();
        }

        current.Clear();
    }

    static string ParameterPattern(string type, string group) => type switch
    {
        "int" or "long" or "short" or "byte" or "biginteger" => $"(?<{group}>{Integer})",
        "float" or "double" or "decimal" or "bigdecimal" => $"(?<{group}>{Number})",
        "word" => $@"(?<{group}>[^\s]+)",
        "string" => $"(?:\"(?<{group}>[^\"]*)\"|'(?<{group}>[^']*)')",
        _ => $"(?<{group}>.*)",
    };
}
