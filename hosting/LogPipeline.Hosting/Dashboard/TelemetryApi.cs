using LogPipeline.Hosting.Orchestration;
using LogPipeline.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogPipeline.Hosting.Dashboard;

/// <summary><c>/api/telemetry</c>: structured logs, traces and metrics received over OTLP, as JSON and live.</summary>
static class TelemetryApi
{
    const int MaxLimit = 2000;

    public static void MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/telemetry");
        api.MapGet("/services", (ResourceNotificationService resources, StructuredLogStore logs, TraceStore traces, MetricStore metrics) =>
            Results.Json(resources.Snapshots.Where(s => s.Type == "project").Select(s => s.Name)
                .Union(logs.Services).Union(traces.Services).Union(metrics.Instruments().Select(i => i.Service))
                .Order(StringComparer.Ordinal), DashboardJson.Compact));

        api.MapGet("/logs", (string? service, string? level, string? q, string? traceId, int? limit, StructuredLogStore logs) =>
            Results.Json(new { entries = logs.Query(LogQueryOf(service, level, q, traceId, 0, limit ?? 200)), last = logs.LastSequence }, DashboardJson.Compact));

        api.MapGet("/logs/stream", (string? service, string? level, string? q, HttpContext context, StructuredLogStore logs) =>
        {
            // First the newest 200, then whatever arrived since the last event: at most 500 entries twice a second.
            var after = 0L;
            var limit = 200;
            return ServerSentEvents.StreamAsync(context, TimeSpan.FromMilliseconds(500), () =>
            {
                var last = logs.LastSequence;
                if (last == after)
                {
                    return null;
                }

                var entries = logs.Query(LogQueryOf(service, level, q, null, after, limit));
                (after, limit) = (last, 500);
                return new { entries, last };
            });
        });

        api.MapGet("/traces", (string? service, string? q, int? minServices, int? limit, TraceStore traces) =>
            Results.Json(traces.Query(service, q, Math.Clamp(limit ?? 100, 1, MaxLimit), minServices ?? 1), DashboardJson.Compact));

        api.MapGet("/traces/stream", (string? service, string? q, int? minServices, HttpContext context, TraceStore traces) =>
            ServerSentEvents.StreamAsync(context, TimeSpan.FromSeconds(1), () => new { traces = traces.Query(service, q, 100, minServices ?? 1), total = traces.TraceCount }));

        api.MapGet("/traces/{traceId}", (string traceId, TraceStore traces) =>
            traces.Get(traceId) is { } spans
                ? Results.Json(new { summary = traces.Summary(traceId), spans }, DashboardJson.Compact)
                : Results.Problem($"Trace {traceId} is unknown or no longer kept.", statusCode: StatusCodes.Status404NotFound));

        api.MapGet("/metrics", (MetricStore metrics) => Results.Json(metrics.Instruments(), DashboardJson.Compact));

        api.MapGet("/metrics/chart", (string service, string name, string? view, int? minutes, MetricStore metrics) =>
            metrics.Chart(service, name, view, Since(minutes)) is { } chart
                ? Results.Json(chart, DashboardJson.Compact)
                : Results.Problem($"{service} reports no instrument {name}.", statusCode: StatusCodes.Status404NotFound));

        api.MapGet("/metrics/stream", (string service, string name, string? view, int? minutes, HttpContext context, MetricStore metrics) =>
            ServerSentEvents.StreamAsync(context, TimeSpan.FromSeconds(1), () => metrics.Chart(service, name, view, Since(minutes))));
    }

    static LogQuery LogQueryOf(string? service, string? level, string? text, string? traceId, long after, int limit) => new(
        string.IsNullOrEmpty(service) ? null : service,
        level switch
        {
            "Trace" => 1,
            "Debug" => 5,
            "Information" => 9,
            "Warning" => 13,
            "Error" => 17,
            "Critical" => 21,
            _ => 0,
        },
        string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        string.IsNullOrEmpty(traceId) ? null : traceId,
        after,
        Math.Clamp(limit, 1, MaxLimit));

    static double Since(int? minutes) => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (Math.Clamp(minutes ?? 15, 1, 600) * 60_000.0);
}
