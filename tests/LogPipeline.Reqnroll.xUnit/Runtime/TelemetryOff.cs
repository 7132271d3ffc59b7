using Reqnroll.Analytics;

namespace LogPipeline.Reqnroll.xUnit.Runtime;

/// <summary>
/// Keeps Reqnroll from sending its usage telemetry (on unless <c>REQNROLL_TELEMETRY_ENABLED=0</c>): test runs here
/// reach no network but the package registries.
/// </summary>
public sealed class TelemetryOff : IEnvironmentReqnrollTelemetryChecker
{
    /// <inheritdoc/>
    public bool IsReqnrollTelemetryEnabled() => false;
}
