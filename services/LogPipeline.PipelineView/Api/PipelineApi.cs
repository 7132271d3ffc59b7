using System.Runtime.CompilerServices;
using System.Text.Json;
using LogPipeline.PipelineView;
using LogPipeline.PipelineView.Clients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView.Api;

/// <summary>
/// <c>/api/pipeline</c>: the view's state (JSON, and live as server-sent events), and the generator's controls
/// (burst, rate) relayed to its control API.
/// </summary>
public static class PipelineApi
{
    public const string Group = "/api/pipeline";

    public static RouteGroupBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Group).WithTags("Pipeline");
        api.MapGet("/", (PipelineMonitor monitor) => TypedResults.Ok(monitor.State));
        api.MapGet("/stream", (PipelineMonitor monitor, IOptions<PipelineViewOptions> options, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(Changes(monitor, options.Value.SampleInterval, cancellationToken)));
        api.MapPost("/burst", (JsonElement body, GeneratorClient generator, CancellationToken cancellationToken) =>
            RelayAsync(generator.BurstAsync, body, cancellationToken));
        api.MapPost("/rate", (JsonElement body, GeneratorClient generator, CancellationToken cancellationToken) =>
            RelayAsync(generator.RateAsync, body, cancellationToken));
        api.MapDeadLetterPanelApi();
        return api;
    }

    /// <summary>The state each time the monitor published a new one; the page's update rate is the sampling rate, never the log rate.</summary>
    static async IAsyncEnumerable<PipelineState> Changes(PipelineMonitor monitor, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval / 2);
        PipelineState? last = null;
        do
        {
            if (!ReferenceEquals(monitor.State, last))
            {
                last = monitor.State;
                yield return last;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <summary>Passes the generator's answer (status and body) through, so its validation problems reach the page.</summary>
    static async Task<Results<ContentHttpResult, ProblemHttpResult>> RelayAsync(
        Func<JsonElement, CancellationToken, Task<HttpResponseMessage>> send, JsonElement body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(body, cancellationToken);
            var content = await response.Content.ReadAsStringAsync(cancellationToken);
            return TypedResults.Content(content, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem($"The generator did not answer: {ex.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
