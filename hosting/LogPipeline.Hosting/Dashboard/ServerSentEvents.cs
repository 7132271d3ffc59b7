using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LogPipeline.Hosting.Dashboard;

/// <summary>
/// Live pages as server-sent events: the server samples the state on a timer and sends it when it changed, so
/// the page's update rate is bounded by the timer, never by how fast logs arrive.
/// </summary>
static class ServerSentEvents
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Sends <paramref name="sample"/>'s result as JSON each interval when it changed; null means nothing to send.</summary>
    public static async Task StreamAsync(HttpContext context, TimeSpan interval, Func<object?> sample)
    {
        Start(context);
        string? last = null;
        var lastWrite = DateTime.UtcNow;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var value = sample();
                var payload = value is null ? last : JsonSerializer.Serialize(value, DashboardJson.Compact);
                if (payload != last && payload is not null)
                {
                    await WriteAsync(context, payload).ConfigureAwait(false);
                    last = payload;
                    lastWrite = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - lastWrite > KeepAlive)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    lastWrite = DateTime.UtcNow;
                }
            }
            while (await timer.WaitForNextTickAsync(context.RequestAborted).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static void Start(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    public static async Task WriteAsync(HttpContext context, string json)
    {
        await context.Response.WriteAsync("data: " + json + "\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
