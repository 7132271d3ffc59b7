using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.SageMakerRuntime;

/// <summary>
/// Reads <c>{"scores":[{"score":x},..]}</c> (SageMaker RCF's answer) straight into a caller's span, and the optional
/// <c>"attribution":{"high":[..],"low":[..]}</c> of each score (<see cref="AttributionExtension"/>) when asked to.
/// </summary>
static class ScoresResponse
{
    /// <summary>Fills <paramref name="scores"/>; throws <see cref="InvalidDataException"/> unless there is exactly one score per slot.</summary>
    public static void Read(ReadOnlySpan<byte> json, Span<double> scores) => Read(json, scores, [], []);

    /// <summary>
    /// Fills <paramref name="scores"/> and, with non-empty <paramref name="high"/> and <paramref name="low"/>
    /// (<c>scores.Length</c> times the feature count each), each record's attribution. Returns true when every score
    /// came with one, false when none did (an endpoint without the extension); anything in between is invalid data.
    /// </summary>
    public static bool Read(ReadOnlySpan<byte> json, Span<double> scores, Span<double> high, Span<double> low)
    {
        var features = high.IsEmpty ? 0 : high.Length / scores.Length;
        var attributed = 0;
        var count = 0;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException("The response is not a JSON object with \"scores\".");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isScores = reader.ValueTextEquals("scores"u8);
                reader.Read();
                if (!isScores)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new InvalidDataException("\"scores\" in the response is not an array.");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var inRange = count < scores.Length;
                    var score = ReadScore(
                        ref reader,
                        inRange && features > 0 ? high.Slice(count * features, features) : [],
                        inRange && features > 0 ? low.Slice(count * features, features) : [],
                        out var hasAttribution);
                    attributed += hasAttribution ? 1 : 0;
                    if (inRange)
                    {
                        scores[count] = score;
                    }

                    count++;
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The response is not valid JSON: {e.Message}", e);
        }

        if (count != scores.Length)
        {
            throw new InvalidDataException($"The endpoint returned {count} scores for {scores.Length} records.");
        }

        if (attributed != 0 && attributed != count)
        {
            throw new InvalidDataException($"The endpoint attributed {attributed} of {count} scores.");
        }

        return attributed > 0;
    }

    // {"score": x, "attribution": {..}} or, leniently, a bare number.
    private static double ReadScore(ref Utf8JsonReader reader, Span<double> high, Span<double> low, out bool hasAttribution)
    {
        hasAttribution = false;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"A score in the response is a JSON {reader.TokenType}, not an object.");
        }

        double? score = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isScore = reader.ValueTextEquals("score"u8);
            var isAttribution = !high.IsEmpty && reader.ValueTextEquals(AttributionExtension.PropertyName);
            reader.Read();
            if (isScore && reader.TokenType == JsonTokenType.Number)
            {
                score = reader.GetDouble();
            }
            else if (isAttribution && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadAttribution(ref reader, high, low);
                hasAttribution = true;
            }
            else
            {
                reader.Skip();
            }
        }

        return score ?? throw new InvalidDataException("A score object in the response has no numeric \"score\".");
    }

    // {"high":[..],"low":[..]}, each with one value per feature.
    private static void ReadAttribution(ref Utf8JsonReader reader, Span<double> high, Span<double> low)
    {
        var sides = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var side = reader.ValueTextEquals(AttributionExtension.HighPropertyName) ? high
                : reader.ValueTextEquals(AttributionExtension.LowPropertyName) ? low
                : [];
            reader.Read();
            if (side.IsEmpty)
            {
                reader.Skip();
                continue;
            }

            ReadValues(ref reader, side);
            sides++;
        }

        if (sides != 2)
        {
            throw new InvalidDataException("An attribution in the response lacks \"high\" or \"low\".");
        }
    }

    private static void ReadValues(ref Utf8JsonReader reader, Span<double> values)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidDataException("An attribution side in the response is not an array.");
        }

        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (count < values.Length)
            {
                values[count] = reader.GetDouble();
            }

            count++;
        }

        if (reader.TokenType != JsonTokenType.EndArray || count != values.Length)
        {
            throw new InvalidDataException($"An attribution side in the response holds {count} values for {values.Length} features.");
        }
    }
}
