using System.Collections.Concurrent;
using LogPipeline.Generator.Traffic;
using Microsoft.Extensions.Options;

namespace LogPipeline.Generator.Generation;

/// <summary>What the control API changes while the generator runs: the rate and the queue of anomaly bursts.</summary>
public sealed class GeneratorControl(IOptions<GeneratorOptions> options)
{
    readonly ConcurrentQueue<AnomalyBurst> _bursts = new();
    readonly long[] _pending = new long[AnomalyLabels.All.Length];
    double _ratePerSecond = options.Value.RatePerSecond;

    /// <summary>Records of normal traffic per second; 0 pauses it (bursts are still injected).</summary>
    public double RatePerSecond
    {
        get => Volatile.Read(ref _ratePerSecond);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, GeneratorOptions.MaxRatePerSecond);
            Volatile.Write(ref _ratePerSecond, value);
        }
    }

    public void RequestBurst(AnomalyBurst burst)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(burst.Kind, AnomalyKind.None);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst.Count, 1);
        Interlocked.Add(ref _pending[(int)burst.Kind], burst.Count);
        _bursts.Enqueue(burst);
    }

    public bool TryTakeBurst(out AnomalyBurst burst) => _bursts.TryDequeue(out burst);

    public void BurstRecordGenerated(AnomalyKind kind) => Interlocked.Decrement(ref _pending[(int)kind]);

    /// <summary>Records of <paramref name="kind"/> requested and not yet generated.</summary>
    public long PendingBurstRecords(AnomalyKind kind) => Volatile.Read(ref _pending[(int)kind]);
}
