using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.RcfEndpoint.Tests;

public sealed class TelemetryTests(RcfEndpointFactory factory) : IClassFixture<RcfEndpointFactory>
{
    [Fact]
    public async Task InvocationsRecordsErrorsAndLatencyAreMeasuredPerModel()
    {
        var client = factory.CreateClient();
        using var measurements = new MeasurementRecorder(factory.Services.GetRequiredService<IMeterFactory>());

        (await client.InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2,3\n1,2,3\n1,2,3\n")).Dispose();
        (await client.InvokeAsync(RcfEndpointFactory.SmallModel, "text/csv", "1,2\n")).Dispose();

        Assert.Equal(1, measurements.Sum("rcf.invocations", ("rcf.model", RcfEndpointFactory.SmallModel)));
        Assert.Equal(3, measurements.Sum("rcf.records_scored", ("rcf.model", RcfEndpointFactory.SmallModel)));
        Assert.Equal(1, measurements.Sum("rcf.invocation_errors", ("error.type", "invalid_input")));
        Assert.Equal(2, measurements.Count("rcf.invocation.duration"));
    }

    [Fact]
    public async Task EachInvocationIsASpanNamingTheModelAndRecordCount()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LogPipeline.RcfEndpoint",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var client = factory.CreateClient();
        using var created = await client.PutModelAsync("traced", new { featureDim = 2, trees = 10, sampleSize = 16 });

        (await client.InvokeAsync("traced", "text/csv", "1,2\n3,4\n")).Dispose();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("rcf.model") == "traced");
        Assert.Equal("rcf.invoke", span.OperationName);
        Assert.Equal(2, span.GetTagItem("rcf.record_count"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    /// <summary>Records the measurements of this app's meters only (other test apps run in parallel).</summary>
    private sealed class MeasurementRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MeasurementRecorder(IMeterFactory meterFactory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "LogPipeline.RcfEndpoint" && instrument.Meter.Scope == meterFactory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        public double Sum(string instrument, (string Key, string Value) tag) => _measurements
            .Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value)))
            .Sum(m => m.Value);

        public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

        public void Dispose() => _listener.Dispose();
    }
}
