using LogPipeline.RcfEndpoint.Models;

namespace LogPipeline.RcfEndpoint.Admin;

/// <summary>What the admin API reports about a model.</summary>
public sealed record ModelInfo(
    string Name,
    RcfModelSettings Settings,
    long TotalUpdates,
    bool OutputReady,
    long Invocations,
    long RecordsScored,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSnapshotAt)
{
    public static ModelInfo From(HostedModel model) => new(
        model.Name,
        model.Settings,
        model.TotalUpdates,
        model.IsOutputReady,
        model.Invocations,
        model.RecordsScored,
        model.CreatedAt,
        model.LastSnapshotAt);
}
