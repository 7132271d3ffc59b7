using Microsoft.Extensions.Logging;

namespace LogPipeline.Generator.Generation;

static partial class GeneratorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Generating to {Topic} at {RatePerSecond} records/s (seed {Seed}, anomaly probability {AnomalyProbability})")]
    public static partial void Started(ILogger logger, string topic, double ratePerSecond, int seed, double anomalyProbability);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Sent} records, {Produced} acknowledged, rate {RatePerSecond}/s, {DeliveryErrors} delivery errors (last: {LastDeliveryError})")]
    public static partial void Progress(ILogger logger, long sent, long produced, double ratePerSecond, long deliveryErrors, string lastDeliveryError);

    [LoggerMessage(Level = LogLevel.Information, Message = "Injecting {Count} {Kind} records")]
    public static partial void InjectingBurst(ILogger logger, int count, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Kafka producer queue is full; generation waits for the broker")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Kafka client refused a generated record")]
    public static partial void Refused(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flushing {Topic} before stopping")]
    public static partial void Flushing(ILogger logger, string topic);
}
