using System.Diagnostics.Metrics;

namespace LogPipeline.Storage.Writing;

/// <summary>The writer's instruments, on meter <c>LogPipeline.Writer</c>.</summary>
public sealed class WriterMetrics
{
    public const string MeterName = "LogPipeline.Writer";

    public WriterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        ItemsWritten = meter.CreateCounter<long>("logpipeline.writer.items.written", "{item}", "Items put into the log table.");
        UnprocessedRetries = meter.CreateCounter<long>("logpipeline.writer.unprocessed.retries", "{item}", "Items DynamoDB returned as unprocessed and the writer sent again.");
        Throttles = meter.CreateCounter<long>("logpipeline.writer.throttles", "{request}", "Requests DynamoDB throttled.");
        BatchWriteDuration = meter.CreateHistogram<double>("logpipeline.writer.batch.duration", "ms", "Time to store one consumer batch (items and counters).");
        PhaseDuration = meter.CreateHistogram<double>("logpipeline.writer.phase.duration", "ms", "Time of one phase of storing a consumer batch, by phase: find (which logs are stored already), count (the counter transaction), put (the items).");
    }

    internal Counter<long> ItemsWritten { get; }

    internal Counter<long> UnprocessedRetries { get; }

    internal Counter<long> Throttles { get; }

    internal Histogram<double> BatchWriteDuration { get; }

    internal Histogram<double> PhaseDuration { get; }
}
