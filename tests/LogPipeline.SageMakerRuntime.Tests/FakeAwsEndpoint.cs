using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogPipeline.SageMakerRuntime.Tests;

/// <summary>
/// A real Kestrel listener on 127.0.0.1 standing in for AWS at the HTTP boundary: it records every request and
/// answers with whatever <see cref="Respond"/> says (by default a SageMaker RCF answer of one score per record).
/// </summary>
public sealed class FakeAwsEndpoint : IAsyncLifetime
{
    private WebApplication? _app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, HttpContext, Task> Respond { get; set; } = static (_, context) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"scores":[{"score":1.25}]}""");
    };

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in context.Request.Headers)
            {
                headers[name] = value.ToString();
            }

            var request = new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray());
            Requests.Enqueue(request);
            await Respond(request, context);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public RecordedRequest LastRequest() => Requests.Last();

    /// <summary>Answers every request with <paramref name="status"/>, optional headers and <paramref name="body"/>.</summary>
    public void AnswerWith(int status, string body, params (string Name, string Value)[] headers) =>
        Respond = async (_, context) =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        };
}
