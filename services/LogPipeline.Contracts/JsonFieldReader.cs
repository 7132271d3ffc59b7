using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LogPipeline.Contracts;

/// <summary>
/// Reads one JSON field's value liberally (numbers as numeric strings, ids as numbers) and says precisely why a value
/// does not fit, for the dead-letter reason. Shared by the log's and the verdict's fields (<see cref="LogRecordReader"/>,
/// <see cref="ScoreVerdictJson"/>).
/// </summary>
internal static class JsonFieldReader
{
    public static bool TryString(ref Utf8JsonReader reader, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.Number:
                // Identifiers and user ids are sometimes numeric; keep their text.
                value = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                return true;
            default:
                value = null;
                error = $"{name} must be a string, not {Describe(reader.TokenType)}";
                reader.Skip();
                return false;
        }
    }

    public static bool TryNumber(ref Utf8JsonReader reader, string name, out double? value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var d):
                value = d;
                return true;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                    return true;
                }

                error = $"{name} must be a number, not the string '{Truncate(text)}'";
                return false;
            case JsonTokenType.Null:
                return true;
            default:
                error = $"{name} must be a number, not {Describe(reader.TokenType)}";
                reader.Skip();
                return false;
        }
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Number => "a number",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };

    public static string? Truncate(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text;

    public static bool TryBoolean(ref Utf8JsonReader reader, string name, out bool? value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True;
                return true;
            case JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed):
                value = parsed;
                return true;
            case JsonTokenType.Null:
                return true;
            default:
                error = $"{name} must be true or false, not {Describe(reader.TokenType)}";
                reader.Skip();
                return false;
        }
    }
}
