using System.Text.RegularExpressions;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>
/// The text a step definition matches: a regular expression, always matched against the whole step text (Reqnroll
/// anchors them too), or a cucumber expression. It is a regular expression when it starts with <c>^</c>, ends with
/// <c>$</c>, or has no <c>{…}</c> parameter and uses regex syntax (<c>\d</c>, <c>(.*)</c>, <c>[…]</c>, <c>|</c>, …).
/// </summary>
public sealed partial class StepExpression
{
    readonly Regex regex;
    readonly int parameterCount;

    StepExpression(string source, bool isRegularExpression, Regex regex, int parameterCount)
    {
        Source = source;
        IsRegularExpression = isRegularExpression;
        this.regex = regex;
        this.parameterCount = parameterCount;
    }

    /// <summary>The expression as written in the attribute.</summary>
    public string Source { get; }

    /// <summary>Whether <see cref="Source"/> is read as a regular expression (else as a cucumber expression).</summary>
    public bool IsRegularExpression { get; }

    /// <summary>Reads <paramref name="source"/>; throws <see cref="FormatException"/> when it is not a valid expression.</summary>
    public static StepExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (LooksLikeRegularExpression(source))
        {
            var body = source.StartsWith('^') ? source[1..] : source;
            body = body.EndsWith('$') && !body.EndsWith(@"\$", StringComparison.Ordinal) ? body[..^1] : body;
            try
            {
                var regex = new Regex($"^(?:{body})$", RegexOptions.CultureInvariant);
                return new StepExpression(source, true, regex, regex.GetGroupNumbers().Length - 1);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException(ex.Message, ex);
            }
        }

        var (cucumber, parameters) = CucumberExpressionTranslator.Translate(source);
        return new StepExpression(source, false, cucumber, parameters);
    }

    /// <summary>The parameter values when <paramref name="text"/> matches, else <c>null</c>.</summary>
    public IReadOnlyList<string>? Match(string text)
    {
        var match = regex.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var values = new string[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            values[i] = IsRegularExpression ? match.Groups[i + 1].Value : match.Groups[$"p{i}"].Value;
        }

        return values;
    }

    /// <inheritdoc/>
    public override string ToString() => Source;

    static bool LooksLikeRegularExpression(string source) =>
        source.StartsWith('^') || source.EndsWith('$') ||
        (!CucumberParameter().IsMatch(source) && RegexSyntax().IsMatch(source));

    [GeneratedRegex(@"(?<!\\)\{[A-Za-z_]*\}")]
    private static partial Regex CucumberParameter();

    [GeneratedRegex(@"\\[dDwWsSbB.()\[\]{}*+?|^$]|\.[*+?]|\[[^\]]*\]|\(\?|\||\([^)]*[\\.*+?\[\]|][^)]*\)|[^\\][*+]\)")]
    private static partial Regex RegexSyntax();
}
