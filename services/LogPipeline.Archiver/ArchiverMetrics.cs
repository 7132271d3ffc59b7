using System.Diagnostics.Metrics;

namespace LogPipeline.Archiver;

/// <summary>The meter <c>LogPipeline.Archiver</c>: what reached the archive.</summary>
public sealed class ArchiverMetrics
{
    public const string MeterName = "LogPipeline.Archiver";

    static readonly Meter Meter = new(MeterName);

    readonly Counter<long> _objects = Meter.CreateCounter<long>("logpipeline.archiver.objects", "{object}", "Objects uploaded to the archive.");
    readonly Counter<long> _bytes = Meter.CreateCounter<long>("logpipeline.archiver.bytes", "By", "Bytes of Parquet uploaded to the archive.");
    readonly Counter<long> _logs = Meter.CreateCounter<long>("logpipeline.archiver.logs", "{log}", "Scored logs archived.");
    readonly Counter<long> _alreadyArchived = Meter.CreateCounter<long>("logpipeline.archiver.already_archived", "{message}", "Redelivered messages skipped because an object already holds them.");

    public long Objects { get; private set; }

    public long Bytes { get; private set; }

    public long Logs { get; private set; }

    public long AlreadyArchived { get; private set; }

    public void Uploaded(int logs, long bytes)
    {
        Objects++;
        Bytes += bytes;
        Logs += logs;
        _objects.Add(1);
        _bytes.Add(bytes);
        _logs.Add(logs);
    }

    public void Skipped(int messages)
    {
        AlreadyArchived += messages;
        _alreadyArchived.Add(messages);
    }
}
