using System.Diagnostics;

namespace LogPipeline.RcfEndpoint.Telemetry;

/// <summary>The endpoint's ActivitySource and Meter name, and the tag names its spans and measurements use.</summary>
public static class RcfEndpointTelemetry
{
    public const string Name = "LogPipeline.RcfEndpoint";
    public const string InvokeActivityName = "rcf.invoke";
    public const string ModelTag = "rcf.model";
    public const string RecordCountTag = "rcf.record_count";
    public const string ErrorTypeTag = "error.type";

    public static readonly ActivitySource ActivitySource = new(Name);
}
