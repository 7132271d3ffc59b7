using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace LogPipeline.Generator.Traffic;

/// <summary>The <c>injected_anomaly</c> labels on the wire and the <c>anomaly.kind</c> metric tag values.</summary>
public static class AnomalyLabels
{
    public const string None = "none";
    public const string LatencySpike = "latency_spike";
    public const string ErrorBurst = "error_burst";
    public const string PathScan = "path_scan";
    public const string UnusualIp = "unusual_ip";

    /// <summary>Every kind, indexed by <see cref="AnomalyKind"/>.</summary>
    public static readonly ImmutableArray<AnomalyKind> All = [AnomalyKind.None, AnomalyKind.LatencySpike, AnomalyKind.ErrorBurst, AnomalyKind.PathScan, AnomalyKind.UnusualIp];

    /// <summary>The kinds that can be injected (every kind but <see cref="AnomalyKind.None"/>).</summary>
    public static readonly ImmutableArray<AnomalyKind> Injectable = [AnomalyKind.LatencySpike, AnomalyKind.ErrorBurst, AnomalyKind.PathScan, AnomalyKind.UnusualIp];

    public static string Label(AnomalyKind kind) => kind switch
    {
        AnomalyKind.LatencySpike => LatencySpike,
        AnomalyKind.ErrorBurst => ErrorBurst,
        AnomalyKind.PathScan => PathScan,
        AnomalyKind.UnusualIp => UnusualIp,
        _ => None,
    };

    /// <summary>The value of <c>injected_anomaly</c>: null for normal traffic.</summary>
    public static string? InjectedLabel(AnomalyKind kind) => kind == AnomalyKind.None ? null : Label(kind);

    public static bool TryParseInjectable(string? label, [NotNullWhen(true)] out AnomalyKind? kind)
    {
        kind = label switch
        {
            LatencySpike => AnomalyKind.LatencySpike,
            ErrorBurst => AnomalyKind.ErrorBurst,
            PathScan => AnomalyKind.PathScan,
            UnusualIp => AnomalyKind.UnusualIp,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary>The kind a record was labelled with; unknown labels count as <see cref="AnomalyKind.None"/>.</summary>
    public static AnomalyKind KindOf(string? injectedLabel) =>
        TryParseInjectable(injectedLabel, out var kind) ? kind.Value : AnomalyKind.None;
}
