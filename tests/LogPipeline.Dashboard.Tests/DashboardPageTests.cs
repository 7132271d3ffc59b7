using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LogPipeline.Dashboard.Tests;

/// <summary>
/// Every page of the dashboard in a real browser against the running app: what people use Aspire's dashboard
/// for, and the pipeline view. Screenshots go to the test output folder (<c>bin/.../screenshots</c>).
/// </summary>
public sealed class DashboardPageTests(DashboardAppFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardAppFixture>, IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly string[] PipelineServices = ["generator", "scorer", "writer"];
    static readonly Regex Healthy = new(@"\bhealthy\b");

    readonly List<string> _errors = [];
    IPage? _page;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }

        Assert.Empty(_errors);
    }

    [Fact]
    public async Task ResourcesPageShowsEveryResourceHealthyWithEndpointsAndMaskedEnvironment()
    {
        var page = await OpenAsync("/resources");

        await Assertions.Expect(page.Locator("tr.resource.healthy")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("tr.resource[data-name=queryapi] .endpoints a")).ToHaveAttributeAsync("href", new Regex("^http://127.0.0.1:\\d+$"));
        await page.ClickAsync("tr.resource[data-name=scorer] button[data-cmd=env]");
        await Assertions.Expect(page.Locator("tr.details")).ToContainTextAsync("OTEL_EXPORTER_OTLP_ENDPOINT");
        await Assertions.Expect(page.Locator("tr.details tr", new() { HasText = "AWS_SECRET_ACCESS_KEY" })).ToContainTextAsync("••••••");
        await Assertions.Expect(page.Locator("#health")).ToHaveTextAsync("7 of 7 resources healthy");
        await ScreenshotAsync(page, "resources");
    }

    [Fact]
    public async Task TheRestartButtonRestartsAResourceWhichBecomesHealthyAgain()
    {
        var page = await OpenAsync("/resources");
        var queryApi = page.Locator("tr.resource[data-name=queryapi]");
        await Assertions.Expect(queryApi).ToHaveClassAsync(Healthy);

        await queryApi.Locator("button[data-cmd=restart]").ClickAsync();

        await Assertions.Expect(queryApi).ToContainTextAsync("1 restart", new() { Timeout = 60_000 });
        await Assertions.Expect(queryApi).ToHaveClassAsync(Healthy, new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task ConsolePageFollowsOneResourceAndSearchesItsOutput()
    {
        var page = await OpenAsync("/console/scorer");

        await Assertions.Expect(page.Locator("#console .line").First).ToBeVisibleAsync();
        await page.FillAsync("#search", "Now listening on");
        await Assertions.Expect(page.Locator("#console .line")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#console .line mark")).ToHaveTextAsync("Now listening on");
        await ScreenshotAsync(page, "console");
    }

    [Fact]
    public async Task StructuredLogsPageShowsOtlpLogsFilteredByService()
    {
        var page = await OpenAsync("/structured");

        await Assertions.Expect(page.Locator("#logs tbody tr").First).ToBeVisibleAsync();
        await page.SelectOptionAsync("#service", "scorer");
        await Assertions.Expect(page.Locator("#logs tbody tr .chip").First).ToHaveTextAsync("scorer");
        var services = await page.Locator("#logs tbody tr .chip").AllTextContentsAsync();
        Assert.All(services, s => Assert.Equal("scorer", s));
        await page.Locator("#logs tbody tr").First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail table.kv")).ToContainTextAsync("category");
        await ScreenshotAsync(page, "structured-logs");
    }

    [Fact]
    public async Task ATraceStartedInTheGeneratorShowsSpansFromAllThreeServicesInOneWaterfall()
    {
        // A log the generator published, scored and stored: find its trace by the log id, as a user would.
        var trace = await WaitForPipelineTraceAsync();
        var logId = trace.Spans.Single(s => s.Service == "generator").Attribute("logpipeline.log_identifier");
        Assert.False(string.IsNullOrEmpty(logId));

        var page = await OpenAsync("/traces");
        await Assertions.Expect(page.Locator("#traces tbody tr[data-trace]").First).ToBeVisibleAsync();
        await page.FillAsync("#text", logId);
        var row = page.Locator($"#traces tbody tr[data-trace='{trace.TraceId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await ScreenshotAsync(page, "traces");
        await row.Locator("a").First.ClickAsync();

        await page.WaitForURLAsync($"**/traces/{trace.TraceId}");
        foreach (var service in PipelineServices)
        {
            await Assertions.Expect(page.Locator($".span-row[data-service={service}]").First).ToBeVisibleAsync();
        }

        // The waterfall nests them as the Kafka headers linked them: publish → process (scorer) → process (writer).
        Assert.Equal(["logs.raw publish", "logs.raw process", "logs.scored process"], await SpanNamesInOrderAsync(page));
        await page.Locator(".span-row[data-service=scorer]").First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail")).ToContainTextAsync("anomaly.score");
        await ScreenshotAsync(page, "trace-waterfall");
    }

    [Fact]
    public async Task MetricsPageChartsAnyReportedInstrument()
    {
        var page = await OpenAsync("/metrics?service=scorer&name=logpipeline.scorer.scored");

        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync("scorer · logpipeline.scorer.scored");
        await Assertions.Expect(page.Locator("#latest tbody tr").First).ToContainTextAsync("is_anomaly");
        await Assertions.Expect(page.Locator(".instruments a[data-name='logpipeline.kafka.consumer.lag']").First).ToBeVisibleAsync();
        await page.Locator(".instruments a[data-service=scorer][data-name='logpipeline.scorer.score']").ClickAsync();
        await Assertions.Expect(page.Locator("#chart-view")).ToHaveValueAsync("p95");
        await ScreenshotAsync(page, "metrics");
    }

    [Fact]
    public async Task PipelineViewBurstButtonMovesTheAnomalyChartAndCounts()
    {
        var page = await OpenAsync("/pipeline");
        var chart = page.Locator("#score-chart");
        await WaitUntilAsync(async () => await NumberAsync(chart, "data-points") > 5, "the score chart has points");
        await WaitUntilAsync(async () => await page.Locator("#stage-scored .rate").TextContentAsync() != "–", "throughput per stage");
        await Assertions.Expect(page.Locator(".lag-group[data-group=scorer]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#precision")).Not.ToHaveTextAsync("–");
        var injectedBefore = await NumberAsync(page.Locator("#injected-error_burst"), "data-produced");
        var flaggedBefore = await NumberAsync(chart, "data-flagged-total");
        var caughtBefore = await FlaggedOfKindAsync(page, "error_burst");

        // The streaming model learns a long burst as it goes, and a young model (this app has scored only a few
        // thousand logs) catches server errors far more surely than latency spikes: a short 5xx burst, and a bar that
        // shows the view follows the scorer rather than one that grades the model.
        const int burst = 30, caught = 5;
        await page.FillAsync("#burst-count", burst.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("button[data-burst=error_burst]");
        await Assertions.Expect(page.Locator("#control-result")).ToContainTextAsync($"injecting {burst} × error_burst");

        await WaitUntilAsync(async () => await NumberAsync(page.Locator("#injected-error_burst"), "data-produced") >= injectedBefore + burst, "the burst was produced");
        await WaitUntilAsync(async () => await FlaggedOfKindAsync(page, "error_burst") >= caughtBefore + caught, "the scorer flagged the burst");
        await WaitUntilAsync(async () => await NumberAsync(chart, "data-flagged-total") >= flaggedBefore + caught, "the chart shows the flagged logs");
        await Assertions.Expect(page.Locator("#anomalies tbody tr .tag").First).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1600, 1400); // the whole view, for the README
        await page.WaitForTimeoutAsync(1000); // let the charts redraw with the newest buckets
        var screenshot = await ScreenshotAsync(page, "pipeline-view");
        ReadmeScreenshot.Update(screenshot, output);
    }

    async Task<IPage> OpenAsync(string path)
    {
        _page = await fixture.OpenAsync(path, _errors);
        return _page;
    }

    async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = await DashboardAppFixture.ScreenshotAsync(page, name);
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    static async Task<string[]> SpanNamesInOrderAsync(IPage page)
    {
        var names = new List<string>();
        foreach (var row in await page.Locator(".span-row").AllAsync())
        {
            if (await row.GetAttributeAsync("data-service") is { } service && PipelineServices.Contains(service))
            {
                names.Add(await row.GetAttributeAsync("data-name") ?? "");
            }
        }

        return [.. names];
    }

    static async Task<double> NumberAsync(ILocator locator, string attribute) =>
        await locator.CountAsync() > 0 && double.TryParse(await locator.First.GetAttributeAsync(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    static Task<double> FlaggedOfKindAsync(IPage page, string kind) => NumberAsync(page.Locator($"#by-kind tr[data-kind={kind}]"), "data-flagged");

    async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            try
            {
                await Task.Delay(250, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting until {what}. The pipeline view's state:\n{await PipelineStateAsync()}");
            }
        }
    }

    async Task<string> PipelineStateAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.DashboardUrl };
        var state = await client.GetFromJsonAsync<JsonElement>("/api/pipeline");
        return string.Join("\n", new[] { "threshold", "thresholdMode", "scoresSeen", "flaggedSeen", "quality", "generator", "stages", "lag" }
            .Select(p => $"{p}: {(state.TryGetProperty(p, out var v) ? v.ToString() : "-")}"));
    }

    /// <summary>Polls the dashboard's JSON until a trace holds the generator's, the scorer's and the writer's spans.</summary>
    async Task<TraceDetail> WaitForPipelineTraceAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.DashboardUrl };
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var summaries = await client.GetFromJsonAsync<JsonElement>("/api/telemetry/traces?minServices=3&q=logs.scored&limit=20", timeout.Token);
            foreach (var summary in summaries.EnumerateArray())
            {
                var services = summary.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToArray();
                if (PipelineServices.All(services.Contains) && summary.GetProperty("rootService").GetString() == "generator")
                {
                    var id = summary.GetProperty("traceId").GetString()!;
                    var detail = await client.GetFromJsonAsync<JsonElement>($"/api/telemetry/traces/{id}", timeout.Token);
                    return new TraceDetail(id, detail.GetProperty("spans").EnumerateArray().Select(SpanOf).ToArray());
                }
            }

            await Task.Delay(500, timeout.Token);
        }
    }

    static SpanView SpanOf(JsonElement span) => new(
        span.GetProperty("service").GetString()!,
        span.GetProperty("name").GetString()!,
        span.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value").GetString()!));

    sealed record TraceDetail(string TraceId, SpanView[] Spans);

    sealed record SpanView(string Service, string Name, Dictionary<string, string> Attributes)
    {
        public string? Attribute(string key) => Attributes.GetValueOrDefault(key);
    }
}
