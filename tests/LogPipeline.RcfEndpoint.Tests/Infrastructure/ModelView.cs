namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

/// <summary>The admin API's model JSON, read independently of the service's own types.</summary>
public sealed record ModelView(
    string Name,
    ModelSettingsView Settings,
    long TotalUpdates,
    bool OutputReady,
    long Invocations,
    long RecordsScored,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSnapshotAt);
