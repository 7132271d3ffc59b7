using System.Diagnostics.Metrics;

namespace LogPipeline.RcfEndpoint.Telemetry;

/// <summary>Invocations, records scored, rejected invocations by error type, and invocation latency, per model.</summary>
public sealed class RcfEndpointMetrics
{
    private readonly Counter<long> _invocations;
    private readonly Counter<long> _recordsScored;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    public RcfEndpointMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RcfEndpointTelemetry.Name);
        _invocations = meter.CreateCounter<long>("rcf.invocations", "{invocation}", "Invocations answered with scores.");
        _recordsScored = meter.CreateCounter<long>("rcf.records_scored", "{record}", "Records scored.");
        _errors = meter.CreateCounter<long>("rcf.invocation_errors", "{invocation}", "Invocations rejected, by error type.");
        _duration = meter.CreateHistogram<double>(
            "rcf.invocation.duration",
            "s",
            "Time from the start of an invocation to its scores (or error), body read and parse included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    public void Scored(string model, int records, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(RcfEndpointTelemetry.ModelTag, model);
        _invocations.Add(1, tag);
        _recordsScored.Add(records, tag);
        _duration.Record(duration.TotalSeconds, tag);
    }

    public void Rejected(string model, string errorType, TimeSpan duration)
    {
        var modelTag = new KeyValuePair<string, object?>(RcfEndpointTelemetry.ModelTag, model);
        _errors.Add(1, modelTag, new KeyValuePair<string, object?>(RcfEndpointTelemetry.ErrorTypeTag, errorType));
        _duration.Record(duration.TotalSeconds, modelTag, new KeyValuePair<string, object?>(RcfEndpointTelemetry.ErrorTypeTag, errorType));
    }
}
