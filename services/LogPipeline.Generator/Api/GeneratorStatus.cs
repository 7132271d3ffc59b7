namespace LogPipeline.Generator.Api;

/// <summary>Body of <c>GET /control/status</c>.</summary>
/// <param name="Produced">Generated records acknowledged by the broker, by anomaly kind ("none" for normal traffic).</param>
/// <param name="PendingBursts">Burst records requested and not yet generated, by kind.</param>
/// <param name="SubmittedLogs">Records published through <c>POST /control/logs</c> and acknowledged.</param>
/// <param name="SubmittedRaw">Messages published through <c>POST /control/raw</c> and acknowledged.</param>
/// <param name="DeliveryErrors">Messages of any origin the broker did not acknowledge.</param>
/// <param name="Sent">Generated records handed to the Kafka client (acknowledged or not yet).</param>
/// <param name="Ticks">Iterations of the rate loop so far.</param>
public sealed record GeneratorStatus(
    string Topic,
    double RatePerSecond,
    bool Paused,
    int Seed,
    double AnomalyProbability,
    IReadOnlyDictionary<string, long> Produced,
    long ProducedTotal,
    IReadOnlyDictionary<string, long> PendingBursts,
    long SubmittedLogs,
    long SubmittedRaw,
    long DeliveryErrors,
    string? LastDeliveryError,
    long Sent,
    long Ticks);
