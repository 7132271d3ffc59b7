using System.Collections.Concurrent;
using System.Text.Json;
using LogPipeline.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.PipelineView.Tests.Infrastructure;

/// <summary>
/// The scorer's and generator's APIs on Kestrel (loopback, a free port), answering the routes the view calls with
/// fixed bodies and recording the control requests it relays.
/// </summary>
public sealed class FakeServices : IAsyncDisposable
{
    public const double Threshold = 0.42;

    readonly WebApplication _app;

    FakeServices(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Path and JSON body of every control request received.</summary>
    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    /// <summary>What the next control request is answered with (status and body).</summary>
    public (int Status, string Body) ControlAnswer { get; set; } = (StatusCodes.Status202Accepted, """{"kind":"path_scan","count":50,"pending":50}""");

    public static async Task<FakeServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeServices(app);
        app.MapGet(ScorerApiPaths.Threshold, () => TypedResults.Ok(new ThresholdState("fixed", Threshold, 1234)));
        app.MapGet(ScorerApiPaths.Quality, () => TypedResults.Text(
            """{"precision":0.9,"recall":0.75,"truePositives":9,"falsePositives":1,"falseNegatives":3,"trueNegatives":87,"byKind":{"path_scan":{"injected":4,"flagged":3,"recall":0.75}}}""",
            "application/json"));
        app.MapGet(GeneratorControlPaths.Status, () => TypedResults.Text(
            """{"ratePerSecond":50,"paused":false,"producedTotal":500,"produced":{"normal":450,"path_scan":50},"pendingBursts":{"path_scan":0}}""",
            "application/json"));
        app.MapPost(GeneratorControlPaths.Burst, fake.RecordAsync);
        app.MapPost(GeneratorControlPaths.Rate, fake.RecordAsync);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        fake.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return fake;
    }

    /// <summary>The configuration that points the view's clients at this fake (Aspire's service discovery keys).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new($"services:{ScorerHost}:http:0", Url.ToString()),
        new($"services:{GeneratorHost}:http:0", Url.ToString()),
    ];

    static string ScorerHost => Clients.ScorerClient.BaseAddress.Host;

    static string GeneratorHost => Clients.GeneratorClient.BaseAddress.Host;

    async Task<IResult> RecordAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        Received.Enqueue((request.Path.Value!, body.RootElement.GetRawText()));
        return TypedResults.Text(ControlAnswer.Body, "application/json", statusCode: ControlAnswer.Status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
