using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka;

/// <summary>Routes librdkafka's own log lines and errors into Microsoft.Extensions.Logging.</summary>
static partial class KafkaLog
{
    public static void Write(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        LogClient(logger, level, message.Facility, message.Message);
    }

    public static void Error(ILogger logger, Error error)
    {
        if (error.IsFatal)
        {
            LogFatal(logger, error.Code, error.Reason);
        }
        else
        {
            // Transient client errors (broker down, connection refused) are retried by librdkafka itself.
            LogTransient(logger, error.Code, error.Reason);
        }
    }

    [LoggerMessage(Message = "librdkafka {Facility}: {Message}")]
    static partial void LogClient(ILogger logger, LogLevel level, string facility, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Fatal Kafka error {Code}: {Reason}")]
    static partial void LogFatal(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error {Code}: {Reason}")]
    static partial void LogTransient(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka client on librdkafka {Version}")]
    public static partial void NativeVersion(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    public static partial void Assigned(ILogger logger, string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions revoked: {Partitions}")]
    public static partial void Revoked(ILogger logger, string partitions);
}
