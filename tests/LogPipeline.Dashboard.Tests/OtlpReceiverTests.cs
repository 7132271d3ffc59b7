using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using LogPipeline.Hosting.Orchestration;
using LogPipeline.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LogPipeline.Dashboard.Tests;

/// <summary>
/// The receiver against OpenTelemetry .NET's own OTLP exporter (the one every service uses), over OTLP/HTTP
/// protobuf and OTLP/gRPC: what the exporter sends is what the dashboard shows.
/// </summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    readonly TelemetryOptions _options = new();
    readonly StructuredLogStore _logs;
    readonly TraceStore _traces;
    readonly MetricStore _metrics;
    readonly OrchestratorOptions _orchestrator = new();
    readonly OtlpReceiver _receiver;

    public OtlpReceiverTests()
    {
        (_logs, _traces, _metrics) = (new(_options), new(_options), new(_options));
        _receiver = new OtlpReceiver(
            new OtlpReceiverOptions { HttpUrl = "http://127.0.0.1:0", GrpcUrl = "http://127.0.0.1:0" },
            new OtlpIngestor(_logs, _traces, _metrics),
            _orchestrator,
            NullLogger<OtlpReceiver>.Instance);
    }

    public Task InitializeAsync() => _receiver.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _receiver.StopAsync(CancellationToken.None);
        await _receiver.DisposeAsync();
    }

    [Fact]
    public void TheReceiverPointsTheOrchestratorsProjectsAtItsHttpEndpoint()
    {
        Assert.Equal(_receiver.HttpEndpoint!.ToString().TrimEnd('/'), _orchestrator.OtlpEndpoint);
        Assert.NotEqual(0, _receiver.HttpEndpoint.Port);
        Assert.NotEqual(_receiver.HttpEndpoint.Port, _receiver.GrpcEndpoint!.Port);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    [InlineData(OtlpExportProtocol.Grpc)]
    public void SpansExportedOverEitherProtocolAreAssembledIntoTheirTrace(OtlpExportProtocol protocol)
    {
        var source = new ActivitySource("LogPipeline.Test." + protocol);
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("generator"))
            .AddSource(source.Name)
            .AddOtlpExporter(o => Configure(o, protocol, "/v1/traces"))
            .Build())
        {
            using (var publish = source.StartActivity("logs.raw publish", ActivityKind.Producer))
            {
                publish!.SetTag("logpipeline.log_identifier", "log-1");
                using var child = source.StartActivity("serialize");
                child!.SetStatus(ActivityStatusCode.Error, "boom");
            }

            Assert.True(tracing.ForceFlush(10_000));
        }

        var trace = Assert.Single(_traces.Query(null, "log-1", 10));
        Assert.Equal(("logs.raw publish", "generator", 2, true), (trace.Name, trace.RootService, trace.SpanCount, trace.HasError));
        var spans = _traces.Get(trace.TraceId)!;
        Assert.Equal("Producer", spans[0].Kind);
        Assert.Equal(spans[0].SpanId, spans[1].ParentSpanId);
        Assert.Equal(("Error", "boom"), (spans[1].Status, spans[1].StatusMessage));
    }

    [Fact]
    public void LogsKeepTheirLevelMessageCategoryAndTrace()
    {
        using (var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("scorer"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, OtlpExportProtocol.HttpProtobuf, "/v1/logs"));
        })))
        {
            var logger = factory.CreateLogger("LogPipeline.Scorer.Scoring.ScoringWorker");
            logger.LogWarning("Flagged {Count} of {Total} logs", 3, 10);
        }

        var entry = Assert.Single(_logs.Query(new LogQuery(Service: "scorer", MinSeverity: 13)));
        Assert.Equal(("Warning", "Flagged 3 of 10 logs", "LogPipeline.Scorer.Scoring.ScoringWorker"), (entry.Level, entry.Message, entry.Category));
        Assert.Contains(entry.Attributes, a => a.Key == "Count" && a.Value == "3");
        Assert.Empty(_logs.Query(new LogQuery(MinSeverity: 17)));
    }

    [Fact]
    public void CountersAndHistogramsBecomeRatesAndPercentiles()
    {
        using var meter = new Meter("LogPipeline.Test");
        var counter = meter.CreateCounter<long>("logpipeline.test.scored");
        var histogram = meter.CreateHistogram<double>("logpipeline.test.latency", "ms");
        using (var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("scorer"))
            .AddMeter(meter.Name)
            .AddOtlpExporter((e, reader) =>
            {
                Configure(e, OtlpExportProtocol.HttpProtobuf, "/v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
            })
            .Build())
        {
            counter.Add(10, new KeyValuePair<string, object?>("is_anomaly", "false"));
            histogram.Record(3);
            Assert.True(metrics.ForceFlush(10_000));
            Thread.Sleep(50);
            counter.Add(40, new KeyValuePair<string, object?>("is_anomaly", "false"));
            for (var i = 0; i < 100; i++)
            {
                histogram.Record(i < 90 ? 4 : 400);
            }

            Assert.True(metrics.ForceFlush(10_000));
        }

        var total = Assert.Single(_metrics.Latest("logpipeline.test.scored"));
        Assert.Equal((50d, "false"), (total.Value, total.Attribute("is_anomaly")));
        var rate = _metrics.Chart("scorer", "logpipeline.test.scored", "rate")!;
        Assert.Equal("counter", rate.Instrument.Type);
        Assert.Contains(rate.Series[0].Points, p => p[1] > 0); // 40 more between the two reports
        var p50 = _metrics.Chart("scorer", "logpipeline.test.latency", "p50")!.Series[0].Points[^1][1];
        var p99 = _metrics.Chart("scorer", "logpipeline.test.latency", "p99")!.Series[0].Points[^1][1];
        Assert.InRange(p50, 0, 5);
        Assert.InRange(p99, 250, 500);
    }

    [Fact]
    public async Task OtlpHttpAsJsonIsRefusedWithAnExplanation()
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(_receiver.HttpEndpoint!, "/v1/traces"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("http/protobuf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    void Configure(OtlpExporterOptions options, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? _receiver.GrpcEndpoint! : new Uri(_receiver.HttpEndpoint!, signalPath);
        options.ExportProcessorType = ExportProcessorType.Simple;
    }
}
