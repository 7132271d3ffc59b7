using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LogPipeline.Contracts;

/// <summary>
/// Reads a <see cref="LogRecord"/> from UTF-8 JSON, liberal in what it accepts and precise about what it rejects.
/// </summary>
/// <remarks>
/// Accepted: the flat record; the articles' producer envelope <c>{"start":"LOG_START","log_message":{...},"stop":"LOG_END"}</c>
/// (with <c>log_message</c> as an object or as a JSON string); <c>timestamp</c> as epoch milliseconds, epoch seconds
/// (with or without a fraction) or ISO-8601; numbers given as numeric strings. Unknown fields are ignored.
/// Rejected, with a reason meant for the dead-letter header: invalid JSON or UTF-8, nesting deeper than 64, missing or
/// wrongly typed required fields, whatever breaks <see cref="LogRecordRules"/> (lengths, unpaired surrogates,
/// non-finite or out-of-range numbers, timestamps outside the plausibility window), and messages larger than
/// <see cref="MaxMessageBytes"/>. It never throws, whatever the bytes.
/// </remarks>
public static class LogRecordReader
{
    /// <summary>Largest message accepted; well under DynamoDB's 400 KB item limit once scored.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    // Epoch values below this are seconds (this many milliseconds is 1973; this many seconds is year 5138).
    const long SecondsCutoff = 100_000_000_000;

    static readonly byte[] LogMessageProperty = "log_message"u8.ToArray();

    /// <summary>Reads and checks a record's shape and ranges, without a timestamp window (no broker time to measure it from).</summary>
    public static bool TryRead(
        ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out LogRecord? record,
        [NotNullWhen(false)] out string? error) =>
        TryRead(utf8, LogRecordRules.Default, referenceMs: null, out record, out error);

    /// <summary>Reads a record and checks it against <paramref name="rules"/>, its timestamp against the window around <paramref name="referenceMs"/>.</summary>
    public static bool TryRead(
        ReadOnlySpan<byte> utf8,
        LogRecordRules rules,
        long? referenceMs,
        [NotNullWhen(true)] out LogRecord? record,
        [NotNullWhen(false)] out string? error) =>
        TryRead(utf8, MaxMessageBytes, rules, referenceMs, scored: false, out record, out _, out error);

    /// <summary>
    /// Reads a <c>logs.scored</c> message: the log, read and checked as <see cref="TryRead(ReadOnlySpan{byte}, LogRecordRules, long?, out LogRecord?, out string?)"/>
    /// does, and the verdict beside it (<see cref="ScoreVerdictJson"/>).
    /// </summary>
    public static bool TryReadScored(
        ReadOnlySpan<byte> utf8,
        LogRecordRules rules,
        long? referenceMs,
        [NotNullWhen(true)] out ScoredLog? scored,
        [NotNullWhen(false)] out string? error)
    {
        if (TryRead(utf8, MaxScoredMessageBytes, rules, referenceMs, scored: true, out var log, out var verdict, out error))
        {
            scored = new ScoredLog(log, verdict!);
            return true;
        }

        scored = null;
        return false;
    }

    /// <summary>Largest <c>logs.scored</c> message accepted: a raw one re-encoded (escapes can grow it) plus the verdict.</summary>
    public const int MaxScoredMessageBytes = 256 * 1024;

    static bool TryRead(
        ReadOnlySpan<byte> utf8,
        int maxBytes,
        LogRecordRules rules,
        long? referenceMs,
        bool scored,
        [NotNullWhen(true)] out LogRecord? record,
        out ScoreVerdict? verdict,
        [NotNullWhen(false)] out string? error)
    {
        record = null;
        verdict = null;
        if (utf8.IsEmpty)
        {
            error = "empty message";
            return false;
        }

        if (utf8.Length > maxBytes)
        {
            error = $"message is {utf8.Length} bytes, larger than the {maxBytes} byte limit";
            return false;
        }

        try
        {
            if (!TryReadObject(utf8, allowEnvelope: true, scored, out record, out verdict, out error))
            {
                return false;
            }
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Invalid UTF-8 or UTF-16 (a lone surrogate escape) in a string surfaces when the string is decoded.
            error = $"invalid text: {ex.Message}";
            return false;
        }

        // Without a reference time the window is centred on the record itself, so only the other rules apply.
        error = rules.Check(record, referenceMs ?? record.Timestamp);
        if (error is not null)
        {
            record = null;
            verdict = null;
            return false;
        }

        return true;
    }

    static bool TryReadObject(ReadOnlySpan<byte> utf8, bool allowEnvelope, bool scored, [NotNullWhen(true)] out LogRecord? record, out ScoreVerdict? verdict, [NotNullWhen(false)] out string? error)
    {
        record = null;
        verdict = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "message is not a JSON object";
            return false;
        }

        var fields = new Fields(scored);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                error = "invalid JSON object";
                return false;
            }

            if (allowEnvelope && reader.ValueTextEquals(LogMessageProperty))
            {
                reader.Read();
                return TryReadEnvelopeBody(ref reader, utf8, scored, out record, out verdict, out error);
            }

            var name = reader.GetString()!;
            reader.Read();
            if (!fields.TryAssign(name, ref reader, out error))
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            error = "truncated JSON";
            return false;
        }

        // Anything after the object (other than whitespace) means the message is not one JSON value.
        if (reader.Read())
        {
            error = "unexpected data after the JSON object";
            return false;
        }

        if (!fields.TryBuild(out record, out error))
        {
            return false;
        }

        if (scored && !fields.Verdict.TryBuild(out verdict, out error))
        {
            record = null;
            return false;
        }

        return true;
    }

    static bool TryReadEnvelopeBody(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, bool scored, [NotNullWhen(true)] out LogRecord? record, out ScoreVerdict? verdict, [NotNullWhen(false)] out string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                return TryReadObject(utf8[start..end], allowEnvelope: false, scored, out record, out verdict, out error);
            case JsonTokenType.String:
                var inner = Encoding.UTF8.GetBytes(reader.GetString()!);
                return TryReadObject(inner, allowEnvelope: false, scored, out record, out verdict, out error);
            default:
                record = null;
                verdict = null;
                error = "log_message must be a JSON object";
                return false;
        }
    }

    struct Fields(bool scored)
    {
        /// <summary>A scored log's verdict, read beside the log's fields (ignored on <c>logs.raw</c>).</summary>
        public ScoreVerdictJson.Fields Verdict;
        string? _id, _level, _ip, _user, _method, _path, _message, _service, _injected;
        long? _timestamp, _bytes;
        int? _status;
        double? _responseTime;

        public bool TryAssign(string name, ref Utf8JsonReader reader, [NotNullWhen(false)] out string? error)
        {
            error = null;
            switch (name)
            {
                case LogRecordJson.LogIdentifier: return JsonFieldReader.TryString(ref reader, name, out _id, out error);
                case LogRecordJson.LogLevel: return JsonFieldReader.TryString(ref reader, name, out _level, out error);
                case LogRecordJson.IpAddress: return JsonFieldReader.TryString(ref reader, name, out _ip, out error);
                case LogRecordJson.UserId: return JsonFieldReader.TryString(ref reader, name, out _user, out error);
                case LogRecordJson.Method: return JsonFieldReader.TryString(ref reader, name, out _method, out error);
                case LogRecordJson.Path: return JsonFieldReader.TryString(ref reader, name, out _path, out error);
                case LogRecordJson.Message: return JsonFieldReader.TryString(ref reader, name, out _message, out error);
                case LogRecordJson.Service: return JsonFieldReader.TryString(ref reader, name, out _service, out error);
                case LogRecordJson.InjectedAnomaly: return JsonFieldReader.TryString(ref reader, name, out _injected, out error);
                case LogRecordJson.Timestamp: return TryTimestamp(ref reader, out _timestamp, out error);
                case LogRecordJson.StatusCode:
                    if (!JsonFieldReader.TryNumber(ref reader, name, out var status, out error))
                    {
                        return false;
                    }

                    if (status is { } code && LogRecordRules.CheckStatus(code) is { } statusError)
                    {
                        error = statusError;
                        return false;
                    }

                    _status = (int?)status;
                    return true;
                case LogRecordJson.ResponseTime:
                    if (!JsonFieldReader.TryNumber(ref reader, name, out _responseTime, out error))
                    {
                        return false;
                    }

                    if (_responseTime is { } rt && LogRecordRules.CheckResponseTime(rt) is { } timeError)
                    {
                        error = timeError;
                        return false;
                    }

                    return true;
                case LogRecordJson.BytesSent:
                    if (!JsonFieldReader.TryNumber(ref reader, name, out var bytes, out error))
                    {
                        return false;
                    }

                    if (bytes is { } count && LogRecordRules.CheckBytesSent(count) is { } bytesError)
                    {
                        error = bytesError;
                        return false;
                    }

                    _bytes = bytes is null ? null : (long)bytes.Value;
                    return true;
                default:
                    if (scored && (Verdict.TryAssign(name, ref reader, out error) || error is not null))
                    {
                        return error is null;
                    }

                    reader.Skip();
                    return true;
            }
        }

        public readonly bool TryBuild([NotNullWhen(true)] out LogRecord? record, [NotNullWhen(false)] out string? error)
        {
            record = null;
            error = string.IsNullOrEmpty(_id) ? "missing required field log_identifier"
                : _timestamp is null ? "missing required field timestamp"
                : string.IsNullOrEmpty(_method) ? "missing required field method"
                : string.IsNullOrEmpty(_path) ? "missing required field path"
                : _status is null ? "missing required field status_code"
                : _responseTime is null ? "missing required field response_time"
                : null;
            if (error is not null)
            {
                return false;
            }

            if (!TryNormalizeLevel(_level, _status!.Value, out var level))
            {
                error = $"log_level '{_level}' is not one of DEBUG, INFO, WARN, ERROR";
                return false;
            }

            record = new LogRecord
            {
                LogIdentifier = _id!,
                Timestamp = _timestamp!.Value,
                LogLevel = level,
                IpAddress = _ip ?? "",
                UserId = _user ?? "",
                Method = _method!.ToUpperInvariant(),
                Path = _path!,
                StatusCode = _status.Value,
                ResponseTime = _responseTime!.Value,
                Message = _message ?? "",
                BytesSent = _bytes,
                Service = _service,
                InjectedAnomaly = string.IsNullOrEmpty(_injected) ? null : _injected,
            };
            return true;
        }

        static bool TryNormalizeLevel(string? level, int status, out string normalized)
        {
            normalized = level?.ToUpperInvariant() switch
            {
                null or "" => status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO",
                "DEBUG" or "TRACE" => "DEBUG",
                "INFO" or "INFORMATION" => "INFO",
                "WARN" or "WARNING" => "WARN",
                "ERROR" or "ERR" or "FATAL" or "CRITICAL" => "ERROR",
                _ => "",
            };
            return normalized.Length > 0;
        }

        static bool TryTimestamp(ref Utf8JsonReader reader, out long? value, [NotNullWhen(false)] out string? error)
        {
            error = null;
            value = null;
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetDouble(out var number) || LogRecordRules.CheckEpoch(number) is not null)
                {
                    error = $"timestamp {JsonFieldReader.Truncate(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))} is not a plausible epoch time";
                    return false;
                }

                value = FromEpoch(number);
                return true;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString()!;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
                {
                    error = LogRecordRules.CheckEpoch(epoch);
                    value = error is null ? FromEpoch(epoch) : null;
                    return error is null;
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
                {
                    value = dto.ToUnixTimeMilliseconds();
                    return true;
                }

                error = $"timestamp '{JsonFieldReader.Truncate(text)}' is neither epoch time nor ISO-8601";
                return false;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            error = $"timestamp must be epoch time or an ISO-8601 string, not {JsonFieldReader.Describe(reader.TokenType)}";
            reader.Skip();
            return false;
        }

        static long FromEpoch(double epoch) =>
            Math.Abs(epoch) < SecondsCutoff ? (long)Math.Round(epoch * 1000) : (long)Math.Round(epoch);

    }
}
