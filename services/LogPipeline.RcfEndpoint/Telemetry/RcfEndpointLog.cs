using LogPipeline.RcfEndpoint.Models;

namespace LogPipeline.RcfEndpoint.Telemetry;

static partial class RcfEndpointLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} created: {FeatureDim} features, {Mode}")]
    public static partial void ModelCreated(ILogger logger, string model, int featureDim, RcfModelMode mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} restored from its snapshot of {SavedAt:o} with {TotalUpdates} updates")]
    public static partial void ModelRestored(ILogger logger, string model, long totalUpdates, DateTimeOffset savedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The snapshot of model {Model} has other settings than the configuration: starting a new forest")]
    public static partial void SnapshotDiscarded(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} reset")]
    public static partial void ModelReset(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} removed")]
    public static partial void ModelRemoved(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model {Model} written to {Path}")]
    public static partial void SnapshotWritten(ILogger logger, string model, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the snapshot of model {Model}; retrying at the next interval")]
    public static partial void SnapshotFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping unreadable snapshot {Path}")]
    public static partial void SnapshotUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invocation of {Model} rejected ({ErrorType}): {Reason}")]
    public static partial void InvocationRejected(ILogger logger, string model, string errorType, string reason);
}
