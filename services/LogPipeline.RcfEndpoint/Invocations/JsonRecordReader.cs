using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>
/// Reads SageMaker's JSON records into a <see cref="FeatureBatch"/>: a record is <c>{"features":[..]}</c>,
/// <c>{"data":{"features":{"values":[..]}}}</c>, <c>{"features":{"values":[..]}}</c> or a bare array of numbers.
/// Unknown properties are skipped. Every value must be a finite number that fits a float.
/// </summary>
static class JsonRecordReader
{
    /// <summary>Reads one record; the reader is on its first token and ends on its last.</summary>
    public static bool TryReadRecord(ref Utf8JsonReader reader, FeatureBatch batch, out string? error)
    {
        var before = batch.RecordCount;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return TryReadValues(ref reader, batch, out error);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"Record {batch.CurrentRecordNumber} is a JSON {Describe(reader.TokenType)}, not an object with \"features\".";
            return false;
        }

        if (!TryReadRecordProperties(ref reader, batch, allowInstances: false, out error))
        {
            return false;
        }

        var read = batch.RecordCount - before;
        if (read != 1)
        {
            error = read == 0
                ? $"Record {batch.CurrentRecordNumber} has no \"features\"."
                : $"Record {before + 1} holds more than one \"features\".";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads the properties of an object (the reader is on its <c>{</c>): each <c>features</c> or <c>data</c> adds a
    /// record and, when allowed, <c>instances</c> adds an array of records.
    /// </summary>
    public static bool TryReadRecordProperties(ref Utf8JsonReader reader, FeatureBatch batch, bool allowInstances, out string? error)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("features"u8))
            {
                reader.Read();
                if (!TryReadFeatures(ref reader, batch, out error))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (!TryReadData(ref reader, batch, out error))
                {
                    return false;
                }
            }
            else if (allowInstances && reader.ValueTextEquals("instances"u8))
            {
                reader.Read();
                if (!TryReadInstances(ref reader, batch, out error))
                {
                    return false;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        error = null;
        return true;
    }

    private static bool TryReadInstances(ref Utf8JsonReader reader, FeatureBatch batch, out string? error)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            error = $"\"instances\" is a JSON {Describe(reader.TokenType)}, not an array of records.";
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadRecord(ref reader, batch, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    // "data": {"features": {"values": [..]}}
    private static bool TryReadData(ref Utf8JsonReader reader, FeatureBatch batch, out string? error)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"Record {batch.CurrentRecordNumber}: \"data\" is a JSON {Describe(reader.TokenType)}, not an object with \"features\".";
            return false;
        }

        var before = batch.RecordCount;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFeatures = reader.ValueTextEquals("features"u8);
            reader.Read();
            if (!isFeatures)
            {
                reader.Skip();
            }
            else if (!TryReadFeatures(ref reader, batch, out error))
            {
                return false;
            }
        }

        if (batch.RecordCount == before)
        {
            error = $"Record {batch.CurrentRecordNumber}: \"data\" has no \"features\".";
            return false;
        }

        error = null;
        return true;
    }

    // "features": [..] or "features": {"values": [..]}; sparse records ("keys", "shape") are refused.
    private static bool TryReadFeatures(ref Utf8JsonReader reader, FeatureBatch batch, out string? error)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return TryReadValues(ref reader, batch, out error);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"Record {batch.CurrentRecordNumber}: \"features\" is a JSON {Describe(reader.TokenType)}, not an array of numbers.";
            return false;
        }

        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("keys"u8) || reader.ValueTextEquals("shape"u8))
            {
                error = $"Record {batch.CurrentRecordNumber} is sparse (\"keys\"/\"shape\"); this endpoint reads dense features only.";
                return false;
            }

            var isValues = reader.ValueTextEquals("values"u8);
            reader.Read();
            if (!isValues)
            {
                reader.Skip();
            }
            else if (found)
            {
                error = $"Record {batch.CurrentRecordNumber} holds more than one \"values\".";
                return false;
            }
            else
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    error = $"Record {batch.CurrentRecordNumber}: \"values\" is a JSON {Describe(reader.TokenType)}, not an array of numbers.";
                    return false;
                }

                if (!TryReadValues(ref reader, batch, out error))
                {
                    return false;
                }

                found = true;
            }
        }

        error = found ? null : $"Record {batch.CurrentRecordNumber}: \"features\" has no \"values\".";
        return found;
    }

    private static bool TryReadValues(ref Utf8JsonReader reader, FeatureBatch batch, out string? error)
    {
        batch.BeginRecord();
        var position = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            position++;
            if (reader.TokenType != JsonTokenType.Number)
            {
                error = $"Record {batch.CurrentRecordNumber}, feature {position} is a JSON {Describe(reader.TokenType)}, not a number.";
                return false;
            }

            if (!reader.TryGetSingle(out var value) || !float.IsFinite(value))
            {
                error = $"Record {batch.CurrentRecordNumber}, feature {position} does not fit a finite 32-bit float.";
                return false;
            }

            batch.Add(value);
        }

        return FeatureCountCheck.TryEnd(batch, out error);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        _ => token.ToString(),
    };
}
