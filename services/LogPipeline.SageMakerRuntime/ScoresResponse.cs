using System.Text.Json;

namespace LogPipeline.SageMakerRuntime;

/// <summary>Reads <c>{"scores":[{"score":x},..]}</c> (SageMaker RCF's answer) straight into a caller's span.</summary>
static class ScoresResponse
{
    /// <summary>Fills <paramref name="scores"/>; throws <see cref="InvalidDataException"/> unless there is exactly one score per slot.</summary>
    public static void Read(ReadOnlySpan<byte> json, Span<double> scores)
    {
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
                    var score = ReadScore(ref reader);
                    if (count < scores.Length)
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
    }

    // {"score": x} or, leniently, a bare number.
    private static double ReadScore(ref Utf8JsonReader reader)
    {
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
            reader.Read();
            if (isScore && reader.TokenType == JsonTokenType.Number)
            {
                score = reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        return score ?? throw new InvalidDataException("A score object in the response has no numeric \"score\".");
    }
}
