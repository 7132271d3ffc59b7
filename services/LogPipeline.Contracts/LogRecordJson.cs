using System.Text.Json;

namespace LogPipeline.Contracts;

/// <summary>
/// The one JSON form of a log on <c>logs.raw</c> and <c>logs.scored</c>: a flat object with the source articles' field
/// names, a scored log's verdict fields (<see cref="ScoreVerdictJson"/>) beside the log's. Written here with a
/// <see cref="Utf8JsonWriter"/> (no reflection, no intermediate objects) and read by <see cref="LogRecordReader"/>,
/// which uses the same names.
/// </summary>
public static class LogRecordJson
{
    public const string LogIdentifier = "log_identifier";
    public const string Timestamp = "timestamp";
    public const string LogLevel = "log_level";
    public const string IpAddress = "ip_address";
    public const string UserId = "user_id";
    public const string Method = "method";
    public const string Path = "path";
    public const string StatusCode = "status_code";
    public const string ResponseTime = "response_time";
    public const string Message = "message";
    public const string BytesSent = "bytes_sent";
    public const string Service = "service";
    public const string InjectedAnomaly = "injected_anomaly";

    static readonly JsonEncodedText LogIdentifierName = JsonEncodedText.Encode(LogIdentifier);
    static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode(Timestamp);
    static readonly JsonEncodedText LogLevelName = JsonEncodedText.Encode(LogLevel);
    static readonly JsonEncodedText IpAddressName = JsonEncodedText.Encode(IpAddress);
    static readonly JsonEncodedText UserIdName = JsonEncodedText.Encode(UserId);
    static readonly JsonEncodedText MethodName = JsonEncodedText.Encode(Method);
    static readonly JsonEncodedText PathName = JsonEncodedText.Encode(Path);
    static readonly JsonEncodedText StatusCodeName = JsonEncodedText.Encode(StatusCode);
    static readonly JsonEncodedText ResponseTimeName = JsonEncodedText.Encode(ResponseTime);
    static readonly JsonEncodedText MessageName = JsonEncodedText.Encode(Message);
    static readonly JsonEncodedText BytesSentName = JsonEncodedText.Encode(BytesSent);
    static readonly JsonEncodedText ServiceName = JsonEncodedText.Encode(Service);
    static readonly JsonEncodedText InjectedAnomalyName = JsonEncodedText.Encode(InjectedAnomaly);

    /// <summary>Writes <paramref name="log"/> as a <c>logs.raw</c> message.</summary>
    public static void Write(Utf8JsonWriter writer, LogRecord log)
    {
        writer.WriteStartObject();
        WriteFields(writer, log);
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="scored"/> as a <c>logs.scored</c> message: the log's fields, then the verdict's.</summary>
    public static void Write(Utf8JsonWriter writer, ScoredLog scored)
    {
        writer.WriteStartObject();
        WriteFields(writer, scored.Log);
        ScoreVerdictJson.WriteFields(writer, scored.Verdict);
        writer.WriteEndObject();
    }

    static void WriteFields(Utf8JsonWriter writer, LogRecord log)
    {
        writer.WriteString(LogIdentifierName, log.LogIdentifier);
        writer.WriteNumber(TimestampName, log.Timestamp);
        writer.WriteString(LogLevelName, log.LogLevel);
        writer.WriteString(IpAddressName, log.IpAddress);
        writer.WriteString(UserIdName, log.UserId);
        writer.WriteString(MethodName, log.Method);
        writer.WriteString(PathName, log.Path);
        writer.WriteNumber(StatusCodeName, log.StatusCode);
        writer.WriteNumber(ResponseTimeName, log.ResponseTime);
        writer.WriteString(MessageName, log.Message);
        if (log.BytesSent is { } bytes)
        {
            writer.WriteNumber(BytesSentName, bytes);
        }

        if (log.Service is { } service)
        {
            writer.WriteString(ServiceName, service);
        }

        // Written even when null: consumers of logs.raw see that the record is labelled normal, not unlabelled.
        writer.WriteString(InjectedAnomalyName, log.InjectedAnomaly);
    }
}
