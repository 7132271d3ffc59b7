using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogPipeline.Hosting.Dashboard.Pipeline;

/// <summary>
/// <c>/api/pipeline</c>: the pipeline view's state (JSON, and live as server-sent events), and the generator's
/// controls (burst, rate) relayed to its <c>/control</c> API.
/// </summary>
static class PipelineApi
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static void MapPipelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pipeline");
        api.MapGet("/", (PipelineMonitor monitor) => Results.Json(monitor.State, DashboardJson.Compact));
        api.MapGet("/stream", (HttpContext context, PipelineMonitor monitor) =>
            ServerSentEvents.StreamAsync(context, TimeSpan.FromMilliseconds(500), () => monitor.State));
        api.MapPost("/burst", (JsonElement body, PipelineMonitor monitor, PipelineOptions options, CancellationToken cancellationToken) =>
            RelayAsync(monitor, options.Generator, "/control/burst", body, cancellationToken));
        api.MapPost("/rate", (JsonElement body, PipelineMonitor monitor, PipelineOptions options, CancellationToken cancellationToken) =>
            RelayAsync(monitor, options.Generator, "/control/rate", body, cancellationToken));
    }

    static async Task<IResult> RelayAsync(PipelineMonitor monitor, string resource, string path, JsonElement body, CancellationToken cancellationToken)
    {
        if (monitor.Endpoint(resource) is not { } endpoint)
        {
            return Results.Problem($"{resource} is not running.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            using var response = await Http.PostAsJsonAsync(new Uri(endpoint, path), body, cancellationToken).ConfigureAwait(false);
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Results.Content(content, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            return Results.Problem($"{resource} did not answer: {ex.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
