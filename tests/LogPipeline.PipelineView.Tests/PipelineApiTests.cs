using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using LogPipeline.Contracts;
using LogPipeline.PipelineView.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LogPipeline.PipelineView.Tests;

/// <summary>
/// The view's own API in process (WebApplicationFactory) against the mock cluster and fake scorer and generator
/// APIs on Kestrel: the relayed controls, the state from the services' APIs, and readiness.
/// </summary>
public sealed class PipelineApiTests(MockKafka kafka) : IClassFixture<MockKafka>, IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    FakeServices _services = null!;
    PipelineViewFactory _view = null!;
    HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _services = await FakeServices.StartAsync();
        var kafkaSetting = new KeyValuePair<string, string?>("ConnectionStrings:kafka", kafka.BootstrapServers);
        _view = new PipelineViewFactory([kafkaSetting, .. _services.Settings, .. kafka.CreateTopics().Settings]);
        _client = _view.CreateClient();
    }

    [Fact]
    public async Task BurstIsRelayedToTheGeneratorAndItsAnswerPassedBack()
    {
        using var response = await _client.PostAsJsonAsync("/api/pipeline/burst", new { kind = "path_scan", count = 50 }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(50, (await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeout)).GetProperty("pending").GetInt32());
        var (path, body) = Assert.Single(_services.Received);
        Assert.Equal(GeneratorControlPaths.Burst, path);
        Assert.Equal("""{"kind":"path_scan","count":50}""", body);
    }

    [Fact]
    public async Task RateProblemsOfTheGeneratorReachThePage()
    {
        const string Problem = """{"title":"One or more validation errors occurred.","status":400,"errors":{"perSecond":["too fast"]}}""";
        _services.ControlAnswer = (StatusCodes.Status400BadRequest, Problem);

        using var response = await _client.PostAsJsonAsync("/api/pipeline/rate", new { perSecond = 99999 }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Problem, await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        Assert.Equal((GeneratorControlPaths.Rate, """{"perSecond":99999}"""), Assert.Single(_services.Received));
    }

    [Fact]
    public async Task ControlsAnswerBadGatewayWhenTheGeneratorIsDown()
    {
        var closedPort = ClosedPort();
        await using var view = new PipelineViewFactory(
        [
            new("ConnectionStrings:kafka", kafka.BootstrapServers),
            new($"services:{Clients.GeneratorClient.BaseAddress.Host}:http:0", $"http://127.0.0.1:{closedPort}"),
        ]);

        using var response = await view.CreateClient().PostAsJsonAsync("/api/pipeline/rate", new { perSecond = 5 }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("generator did not answer", await response.Content.ReadAsStringAsync().WaitAsync(Timeout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateCarriesTheScorersThresholdAndQualityAndTheGeneratorsStatus()
    {
        var state = await Eventually.HoldsAsync(
            () => _client.GetFromJsonAsync<JsonElement>("/api/pipeline"),
            s => s.GetProperty("generator").ValueKind == JsonValueKind.Object && s.GetProperty("quality").ValueKind == JsonValueKind.Object,
            Timeout, "state with the services' answers");

        Assert.Equal(FakeServices.Threshold, state.GetProperty("threshold").GetDouble());
        Assert.Equal("fixed", state.GetProperty("thresholdMode").GetString());
        Assert.Equal(0.9, state.GetProperty("quality").GetProperty("precision").GetDouble());
        Assert.Equal(500, state.GetProperty("generator").GetProperty("producedTotal").GetInt64());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("kafkaError").ValueKind);
        Assert.Equal(["generated", "scored", "stored"], state.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task ReadyOnlyWhenKafkaAnswers()
    {
        await using var noBroker = new PipelineViewFactory([new("ConnectionStrings:kafka", $"127.0.0.1:{ClosedPort()}")]);

        using var ready = await _client.GetAsync("/health").WaitAsync(Timeout);
        using var notReady = await noBroker.CreateClient().GetAsync("/health").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
    }

    [Fact]
    public async Task RootServesThePipelinePage()
    {
        var html = await _client.GetStringAsync("/").WaitAsync(Timeout);

        Assert.Contains("/js/pipeline.js", html, StringComparison.Ordinal);
    }

    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _view.DisposeAsync();
        await _services.DisposeAsync();
    }
}
