using System.Buffers;
using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Parses a whole request body, in place in the request's buffers, into a <see cref="FeatureBatch"/>.</summary>
public static class RecordsParser
{
    public static bool TryParse(InputFormat format, in ReadOnlySequence<byte> body, FeatureBatch batch, out string? error) => format switch
    {
        InputFormat.Csv => CsvRecordsParser.TryParse(body, batch, out error),
        InputFormat.JsonLines => TryParseJsonLines(body, batch, out error),
        _ => TryParseJson(body, batch, out error),
    };

    private static bool TryParseJson(in ReadOnlySequence<byte> body, FeatureBatch batch, out string? error)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read())
            {
                error = "The body holds no JSON value.";
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                // A bare array of records: [{"features":[..]}, ..] or [[..], ..].
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!JsonRecordReader.TryReadRecord(ref reader, batch, out error))
                    {
                        return false;
                    }
                }
            }
            else if (reader.TokenType != JsonTokenType.StartObject)
            {
                error = "The body must be a JSON object such as {\"instances\":[{\"features\":[..]}]}.";
                return false;
            }
            else if (!JsonRecordReader.TryReadRecordProperties(ref reader, batch, allowInstances: true, out error))
            {
                return false;
            }

            // Makes the reader reject anything after the value.
            reader.Read();
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"The body is not valid JSON: {e.Message}";
            return false;
        }
    }

    private static bool TryParseJsonLines(in ReadOnlySequence<byte> body, FeatureBatch batch, out string? error)
    {
        var lines = new SequenceReader<byte>(body);
        var lineNumber = 0;
        while (!lines.End)
        {
            lineNumber++;
            if (!lines.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                line = lines.UnreadSequence;
                lines.AdvanceToEnd();
            }

            if (IsBlank(line))
            {
                continue;
            }

            var reader = new Utf8JsonReader(line);
            try
            {
                reader.Read();
                if (!JsonRecordReader.TryReadRecord(ref reader, batch, out error))
                {
                    error = $"Line {lineNumber}: {error}";
                    return false;
                }

                reader.Read();
            }
            catch (JsonException e)
            {
                error = $"Line {lineNumber} is not valid JSON: {e.Message}";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool IsBlank(in ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
