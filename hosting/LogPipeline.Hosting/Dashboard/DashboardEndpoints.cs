using System.Text.Json;
using LogPipeline.Hosting.Dashboard.Pipeline;
using LogPipeline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogPipeline.Hosting.Dashboard;

/// <summary>
/// The dashboard: pages for resources, console logs, structured logs, traces, metrics and the pipeline, and the
/// same data as JSON (and live, as server-sent events) for scripts and tests.
/// </summary>
static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapResourcesApi();
        app.MapTelemetryApi();
        app.MapPipelineApi();
    }

    static void MapResourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources");
        api.MapGet("/", (ResourceNotificationService notifications) =>
            Results.Json(new { resources = notifications.Snapshots }, DashboardJson.Indented));

        api.MapGet("/stream", (HttpContext context, ResourceNotificationService notifications) =>
            ServerSentEvents.StreamAsync(context, TimeSpan.FromSeconds(1), () => new { resources = notifications.Snapshots }));

        api.MapGet("/{name}", (string name, ResourceNotificationService notifications) =>
            notifications.Get(name) is { } snapshot ? Results.Json(snapshot, DashboardJson.Indented) : Results.Problem($"No resource named {name}.", statusCode: 404));

        api.MapGet("/{name}/logs", (string name, int? tail, ResourceLogStore logs) =>
            Results.Json(new { lines = logs.Tail(name, Math.Clamp(tail ?? 500, 1, 5000)) }, DashboardJson.Indented));

        api.MapGet("/{name}/logs/stream", async (string name, HttpContext context, ResourceLogStore logs) =>
        {
            ServerSentEvents.Start(context);
            foreach (var line in logs.Tail(name, 500))
            {
                await WriteLineAsync(context, line).ConfigureAwait(false);
            }

            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await foreach (var line in logs.Follow(name, context.RequestAborted).ConfigureAwait(false))
            {
                await WriteLineAsync(context, line).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        });

        api.MapPost("/{name}/{command}", async (string name, string command, Orchestrator orchestrator, ResourceNotificationService notifications) =>
        {
            if (notifications.Get(name) is null)
            {
                return Results.Problem($"No resource named {name}.", statusCode: 404);
            }

            Task action = command switch
            {
                "start" => orchestrator.StartResourceAsync(name),
                "stop" => orchestrator.StopResourceAsync(name),
                "restart" => orchestrator.RestartResourceAsync(name),
                "pause" => orchestrator.PauseResourceAsync(name),
                "resume" => orchestrator.ResumeResourceAsync(name),
                _ => Task.FromException(new ArgumentException(command)),
            };
            if (action.IsFaulted)
            {
                return Results.Problem($"Unknown command '{command}': use start, stop, restart, pause or resume.", statusCode: 400);
            }

            await action.ConfigureAwait(false);
            return Results.Json(notifications.Get(name), DashboardJson.Indented, statusCode: 202);
        });
    }

    static Task WriteLineAsync(HttpContext context, LogLine line) =>
        context.Response.WriteAsync($"data: {JsonSerializer.Serialize(line, DashboardJson.Compact)}\n\n", context.RequestAborted);
}
