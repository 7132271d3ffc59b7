using System.Diagnostics.Metrics;
using Confluent.Kafka;
using LogPipeline.Generator.Generation;
using LogPipeline.Generator.Traffic;

namespace LogPipeline.Generator.Publishing;

/// <summary>
/// Counts what the generator hands to Kafka and what the broker acknowledged, for <c>/control/status</c> and as
/// OpenTelemetry metrics. Delivery handlers are created once per anomaly kind and reused for every record.
/// </summary>
public sealed class GeneratorMetrics
{
    public const string AnomalyKindTag = "anomaly.kind";

    readonly long[] _produced = new long[AnomalyLabels.All.Length];
    readonly KeyValuePair<string, object?>[] _kindTags = new KeyValuePair<string, object?>[AnomalyLabels.All.Length];
    readonly Action<DeliveryReport<byte[]?, byte[]?>>[] _deliveryHandlers = new Action<DeliveryReport<byte[]?, byte[]?>>[AnomalyLabels.All.Length];
    readonly Counter<long> _producedCounter;
    readonly Counter<long> _deliveryErrorCounter;
    long _sent;
    long _deliveryErrors;
    long _submittedLogs;
    long _submittedRaw;
    long _ticks;
    string? _lastDeliveryError;

    public GeneratorMetrics(IMeterFactory meterFactory, GeneratorControl control)
    {
        var meter = meterFactory.Create(GeneratorTelemetry.Name);
        _producedCounter = meter.CreateCounter<long>("logpipeline.generator.produced", "{record}", "Generated records acknowledged by the broker.");
        _deliveryErrorCounter = meter.CreateCounter<long>("logpipeline.generator.delivery_errors", "{record}", "Records the broker did not acknowledge.");
        meter.CreateObservableGauge("logpipeline.generator.rate", () => control.RatePerSecond, "{record}/s", "Configured generation rate.");
        foreach (var kind in AnomalyLabels.All)
        {
            _kindTags[(int)kind] = new(AnomalyKindTag, AnomalyLabels.Label(kind));
            _deliveryHandlers[(int)kind] = report => OnGeneratedDelivered(kind, report);
        }
    }

    /// <summary>Records handed to the Kafka client by the rate loop.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Rate-loop iterations so far; lets an observer wait for the loop to have run.</summary>
    public long Ticks => Volatile.Read(ref _ticks);

    public long DeliveryErrors => Volatile.Read(ref _deliveryErrors);

    public string? LastDeliveryError => Volatile.Read(ref _lastDeliveryError);

    public long SubmittedLogs => Volatile.Read(ref _submittedLogs);

    public long SubmittedRaw => Volatile.Read(ref _submittedRaw);

    /// <summary>Generated records of <paramref name="kind"/> acknowledged by the broker.</summary>
    public long Produced(AnomalyKind kind) => Volatile.Read(ref _produced[(int)kind]);

    public long ProducedTotal()
    {
        var total = 0L;
        foreach (var kind in AnomalyLabels.All)
        {
            total += Produced(kind);
        }

        return total;
    }

    /// <summary>The cached delivery handler for generated records of <paramref name="kind"/>.</summary>
    public Action<DeliveryReport<byte[]?, byte[]?>> DeliveryHandler(AnomalyKind kind) => _deliveryHandlers[(int)kind];

    public void RecordSent() => Interlocked.Increment(ref _sent);

    public void RecordTick() => Interlocked.Increment(ref _ticks);

    public void RecordSubmittedLogs(int count) => Interlocked.Add(ref _submittedLogs, count);

    public void RecordSubmittedRaw(int count) => Interlocked.Add(ref _submittedRaw, count);

    public void RecordDeliveryError(Error error)
    {
        Interlocked.Increment(ref _deliveryErrors);
        Volatile.Write(ref _lastDeliveryError, $"{error.Code}: {error.Reason}");
        _deliveryErrorCounter.Add(1);
    }

    void OnGeneratedDelivered(AnomalyKind kind, DeliveryReport<byte[]?, byte[]?> report)
    {
        if (report.Error.IsError)
        {
            RecordDeliveryError(report.Error);
            return;
        }

        Interlocked.Increment(ref _produced[(int)kind]);
        _producedCounter.Add(1, _kindTags[(int)kind]);
    }
}
