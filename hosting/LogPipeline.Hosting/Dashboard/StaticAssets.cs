using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogPipeline.Hosting.Dashboard;

/// <summary>The page, scripts and styles, embedded in the assembly (<c>Dashboard/wwwroot</c>): nothing comes from the network.</summary>
static class StaticAssets
{
    const string Prefix = "dashboard/";

    static readonly Assembly Assembly = typeof(StaticAssets).Assembly;
    static readonly string ETag = $"\"{Assembly.ManifestModule.ModuleVersionId:N}\"";
    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    };

    /// <summary>Client-side routes: each serves the page, whose script draws the view for the path.</summary>
    static readonly string[] Pages = ["/", "/resources", "/console/{name?}", "/structured", "/traces", "/traces/{traceId}", "/metrics", "/pipeline"];

    public static void MapStaticAssets(this IEndpointRouteBuilder app)
    {
        foreach (var page in Pages)
        {
            app.MapGet(page, (HttpContext context) => Serve(context, "index.html"));
        }

        app.MapGet("/static/{**path}", (string path, HttpContext context) => Serve(context, path));
    }

    static IResult Serve(HttpContext context, string path)
    {
        var stream = Assembly.GetManifestResourceStream(Prefix + path.Replace('\\', '/'));
        if (stream is null)
        {
            return Results.NotFound();
        }

        if (context.Request.Headers.IfNoneMatch == ETag)
        {
            stream.Dispose();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ETag = ETag;
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"));
    }
}
