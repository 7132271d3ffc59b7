using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogPipeline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogPipeline.Hosting.Dashboard;

/// <summary>The dashboard: a page of resources with live console logs, and the same data as JSON for scripts and tests.</summary>
static class DashboardEndpoints
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LogPipeline.Hosting.Dashboard.index.html")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"));

        var api = app.MapGroup("/api/resources");
        api.MapGet("/", (ResourceNotificationService notifications) =>
            Results.Json(new { resources = notifications.Snapshots }, Json));

        api.MapGet("/{name}", (string name, ResourceNotificationService notifications) =>
            notifications.Get(name) is { } snapshot ? Results.Json(snapshot, Json) : Results.Problem($"No resource named {name}.", statusCode: 404));

        api.MapGet("/{name}/logs", (string name, int? tail, ResourceLogStore logs) =>
            Results.Json(new { lines = logs.Tail(name, Math.Clamp(tail ?? 500, 1, 5000)) }, Json));

        api.MapGet("/{name}/logs/stream", async (string name, HttpContext context, ResourceLogStore logs) =>
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            foreach (var line in logs.Tail(name, 500))
            {
                await WriteEventAsync(context, line).ConfigureAwait(false);
            }

            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await foreach (var line in logs.Follow(name, context.RequestAborted).ConfigureAwait(false))
            {
                await WriteEventAsync(context, line).ConfigureAwait(false);
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
                _ => Task.FromException(new ArgumentException(command)),
            };
            if (action.IsFaulted)
            {
                return Results.Problem($"Unknown command '{command}': use start, stop or restart.", statusCode: 400);
            }

            await action.ConfigureAwait(false);
            return Results.Json(notifications.Get(name), Json, statusCode: 202);
        });
    }

    static Task WriteEventAsync(HttpContext context, LogLine line) =>
        context.Response.WriteAsync($"data: {JsonSerializer.Serialize(line, Json).ReplaceLineEndings(" ")}\n\n", context.RequestAborted);
}
