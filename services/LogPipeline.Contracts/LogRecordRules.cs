namespace LogPipeline.Contracts;

/// <summary>
/// The one set of rules a log must pass to enter the pipeline, applied by the scorer's reader
/// (<see cref="LogRecordReader"/>) and again by the writer's parser: required fields, identifier and text lengths,
/// well-formed text, field ranges and the timestamp plausibility window.
/// </summary>
public sealed class LogRecordRules(RecordValidationOptions options)
{
    /// <summary>DynamoDB limits a partition key to 2048 bytes: 512 characters fit whatever their UTF-8 length.</summary>
    public const int MaxIdentifierLength = 512;

    /// <summary>Longest path, message or other text field, in characters.</summary>
    public const int MaxTextLength = 8_192;

    /// <summary>A response slower than a day is a unit error, not a measurement.</summary>
    public const double MaxResponseTimeSeconds = 86_400;

    /// <summary>Epoch milliseconds beyond which a number cannot be a time (year 2286): also the guard against overflow.</summary>
    public const double MaxEpochMilliseconds = 1e13;

    readonly long _maxAgeMs = (long)options.MaxAge.TotalMilliseconds;
    readonly long _maxAheadMs = (long)options.MaxAhead.TotalMilliseconds;

    public static LogRecordRules Default { get; } = new(new RecordValidationOptions());

    /// <summary>Why <paramref name="log"/> may not enter the pipeline, or null if it may.</summary>
    /// <param name="referenceMs">Its Kafka timestamp (else now), the centre of the plausibility window.</param>
    public string? Check(LogRecord log, long referenceMs) =>
        CheckText(log.LogIdentifier, "log_identifier", MaxIdentifierLength, required: true)
        ?? CheckText(log.Method, "method", 32, required: true)
        ?? CheckText(log.Path, "path", MaxTextLength, required: true)
        ?? CheckText(log.LogLevel, "log_level", 32, required: true)
        ?? CheckText(log.IpAddress, "ip_address", 64, required: false)
        ?? CheckText(log.UserId, "user_id", MaxIdentifierLength, required: false)
        ?? CheckText(log.Message, "message", MaxTextLength, required: false)
        ?? CheckText(log.Service, "service", MaxIdentifierLength, required: false)
        ?? CheckText(log.InjectedAnomaly, "injected_anomaly", 64, required: false)
        ?? CheckStatus(log.StatusCode)
        ?? CheckResponseTime(log.ResponseTime)
        ?? (log.BytesSent is < 0 ? $"bytes_sent {log.BytesSent} is negative" : null)
        ?? CheckTimestamp(log.Timestamp, referenceMs);

    public string? CheckTimestamp(long timestampMs, long referenceMs)
    {
        if (timestampMs < referenceMs - _maxAgeMs || timestampMs > referenceMs + _maxAheadMs)
        {
            return $"timestamp {timestampMs} is outside the plausibility window ({options.MaxAge.TotalDays:0.##} days before to {options.MaxAhead.TotalHours:0.##} hours after {referenceMs})";
        }

        return null;
    }

    public static string? CheckStatus(double status) =>
        status == Math.Floor(status) && status is >= 100 and <= 599 ? null : $"status_code {status} is not an HTTP status (100-599)";

    public static string? CheckResponseTime(double seconds) =>
        double.IsFinite(seconds) && seconds is >= 0 and <= MaxResponseTimeSeconds
            ? null
            : $"response_time {seconds} is not a number of seconds between 0 and {MaxResponseTimeSeconds}";

    /// <summary>Byte counts arrive as JSON numbers: they must be whole, finite and fit a long.</summary>
    public static string? CheckBytesSent(double bytes) =>
        double.IsFinite(bytes) && bytes == Math.Floor(bytes) && bytes is >= 0 and < 9e15 ? null : $"bytes_sent {bytes} is not a byte count";

    /// <summary>Epoch numbers must be finite and small enough to be a time before converting them.</summary>
    public static string? CheckEpoch(double epoch) =>
        double.IsFinite(epoch) && Math.Abs(epoch) < MaxEpochMilliseconds ? null : $"timestamp {epoch} is not a plausible epoch time";

    internal static string? CheckText(string? value, string field, int maxLength, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? $"missing required field {field}" : null;
        }

        if (value.Length > maxLength)
        {
            return $"{field} is longer than {maxLength} characters";
        }

        // Text with a lone surrogate cannot be encoded as UTF-8: it would fail every later serializer.
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"{field} contains an unpaired UTF-16 surrogate (U+{(int)c:X4})";
            }
            else if (c == '\0')
            {
                return $"{field} contains a NUL character";
            }
        }

        return null;
    }
}
