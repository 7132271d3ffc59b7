using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using LogPipeline.Hosting.Telemetry.Otlp;

namespace LogPipeline.Hosting.Telemetry;

/// <summary>Turns received OTLP export requests into the dashboard's logs, traces and metrics.</summary>
public sealed class OtlpIngestor(StructuredLogStore logs, TraceStore traces, MetricStore metrics)
{
    const string UnknownService = "unknown_service";

    internal void Ingest(ExportTraceServiceRequest request)
    {
        var spans = new List<SpanRecord>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    if (span.TraceId.IsEmpty || span.SpanId.IsEmpty)
                    {
                        continue;
                    }

                    spans.Add(new SpanRecord
                    {
                        TraceId = Hex(span.TraceId)!,
                        SpanId = Hex(span.SpanId)!,
                        ParentSpanId = Hex(span.ParentSpanId),
                        Name = span.Name,
                        Kind = span.Kind switch
                        {
                            Span.Types.SpanKind.Server => "Server",
                            Span.Types.SpanKind.Client => "Client",
                            Span.Types.SpanKind.Producer => "Producer",
                            Span.Types.SpanKind.Consumer => "Consumer",
                            _ => "Internal",
                        },
                        Service = service,
                        Scope = scope,
                        StartNanos = (long)span.StartTimeUnixNano,
                        EndNanos = (long)span.EndTimeUnixNano,
                        Status = span.Status?.Code switch
                        {
                            Status.Types.StatusCode.Ok => "Ok",
                            Status.Types.StatusCode.Error => "Error",
                            _ => "Unset",
                        },
                        StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
                        Attributes = Attributes(span.Attributes),
                        Events = span.Events.Select(e => new SpanEventRecord(e.Name, e.TimeUnixNano / 1e6, Attributes(e.Attributes))).ToArray(),
                        Links = span.Links.Select(l => new SpanLinkRecord(Hex(l.TraceId)!, Hex(l.SpanId)!)).ToArray(),
                    });
                }
            }
        }

        if (spans.Count > 0)
        {
            traces.Add(spans);
        }
    }

    internal void Ingest(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var category = scopeLogs.Scope?.Name ?? "";
                logs.Add(scopeLogs.LogRecords, (record, sequence) => new StructuredLogEntry(
                    sequence,
                    (record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano) / 1e6,
                    service,
                    LevelOf(record.SeverityNumber),
                    record.SeverityNumber,
                    record.Body is null ? "" : Format(record.Body),
                    category,
                    Hex(record.TraceId),
                    Hex(record.SpanId),
                    Attributes(record.Attributes)));
            }
        }
    }

    internal void Ingest(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = ServiceName(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = scopeMetrics.Scope?.Name ?? "";
                foreach (var metric in scopeMetrics.Metrics)
                {
                    RecordMetric(service, scope, metric);
                }
            }
        }
    }

    void RecordMetric(string service, string scope, Metric metric)
    {
        void Record(string type, bool isDelta, RepeatedField<KeyValue> attributes, MetricPoint point) =>
            metrics.Record(service, scope, metric.Name, metric.Description, metric.Unit, type, isDelta, Attributes(attributes), point);

        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                foreach (var p in metric.Gauge.DataPoints)
                {
                    Record("gauge", false, p.Attributes, new MetricPoint(p.TimeUnixNano / 1e6, NumberOf(p)));
                }

                break;
            case Metric.DataOneofCase.Sum:
                var delta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta;
                foreach (var p in metric.Sum.DataPoints)
                {
                    Record(metric.Sum.IsMonotonic ? "counter" : "updowncounter", delta, p.Attributes, new MetricPoint(p.TimeUnixNano / 1e6, NumberOf(p)));
                }

                break;
            case Metric.DataOneofCase.Histogram:
                var deltaHistogram = metric.Histogram.AggregationTemporality == AggregationTemporality.Delta;
                foreach (var p in metric.Histogram.DataPoints)
                {
                    Record("histogram", deltaHistogram, p.Attributes, new MetricPoint(
                        p.TimeUnixNano / 1e6, p.Count, p.HasSum ? p.Sum : 0, p.ExplicitBounds.ToArray(), p.BucketCounts.Select(c => (long)c).ToArray()));
                }

                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                var deltaExponential = metric.ExponentialHistogram.AggregationTemporality == AggregationTemporality.Delta;
                foreach (var p in metric.ExponentialHistogram.DataPoints)
                {
                    Record("summary", deltaExponential, p.Attributes, new MetricPoint(p.TimeUnixNano / 1e6, p.Count, p.HasSum ? p.Sum : 0));
                }

                break;
            case Metric.DataOneofCase.Summary:
                foreach (var p in metric.Summary.DataPoints)
                {
                    Record("summary", false, p.Attributes, new MetricPoint(p.TimeUnixNano / 1e6, p.Count, p.Sum));
                }

                break;
        }
    }

    static double NumberOf(NumberDataPoint point) =>
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    static string ServiceName(Resource? resource)
    {
        if (resource is not null)
        {
            foreach (var attribute in resource.Attributes)
            {
                if (attribute.Key == "service.name" && attribute.Value is { } value)
                {
                    return Format(value);
                }
            }
        }

        return UnknownService;
    }

    /// <summary>OpenTelemetry's severity number ranges, named as .NET names log levels.</summary>
    public static string LevelOf(int severityNumber) => severityNumber switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };

    static KeyValuePair<string, string>[] Attributes(RepeatedField<KeyValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return [];
        }

        var result = new KeyValuePair<string, string>[attributes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new(attributes[i].Key, attributes[i].Value is { } value ? Format(value) : "");
        }

        return result;
    }

    static string Format(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Format)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => kv.Key + ": " + (kv.Value is null ? "" : Format(kv.Value)))) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    static string? Hex(ByteString bytes) => bytes.IsEmpty ? null : Convert.ToHexStringLower(bytes.Span);
}
