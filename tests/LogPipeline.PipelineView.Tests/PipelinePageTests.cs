using System.Net;
using LogPipeline.Contracts;
using LogPipeline.PipelineView.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LogPipeline.PipelineView.Tests;

/// <summary>
/// The page in Debian's chromium (Playwright), served by the view on Kestrel with the mock cluster and fake scorer
/// and generator APIs: counts, the score chart and the latest anomalies update as records are produced.
/// </summary>
public sealed class PipelinePageTests(MockKafka kafka, ITestOutputHelper output) : IClassFixture<MockKafka>
{
    const string Chromium = "/usr/bin/chromium";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PageShowsCountsScoresAndAnomaliesAsRecordsArrive()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run eng/prerequisites.sh (apt-get install -y chromium).");
        var topics = kafka.CreateTopics();
        await using var services = await FakeServices.StartAsync();
        await using var view = new PipelineViewFactory([new("ConnectionStrings:kafka", kafka.BootstrapServers), .. services.Settings, .. topics.Settings]);
        view.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        view.StartServer();
        var url = view.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        using var playwright = await Playwright.CreateAsync().WaitAsync(Timeout);
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }).WaitAsync(Timeout);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = url, ViewportSize = new ViewportSize { Width = 1600, Height = 1100 } }).WaitAsync(Timeout);
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#health")).ToHaveTextAsync("live").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#stage-generated .total")).ToHaveTextAsync("0").WaitAsync(Timeout);

        // What the generator, scorer and writer would leave in Kafka.
        kafka.Produce(topics.Raw, 0, 700);
        kafka.Produce(topics.Raw, 1, 500);
        kafka.Commit(topics.ScorerGroup, topics.Raw, 0, 700);
        kafka.Commit(topics.ScorerGroup, topics.Raw, 1, 300);
        kafka.Produce(topics.DeadLetter, 0, 2);

        // Scored records until the view's tail (which starts at the end) has charted some and listed an anomaly.
        var round = 0;
        await Eventually.TrueAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            kafka.ProduceScored(topics.Scored, Enumerable.Range(0, 40).Select(i => Scored($"r{round}-{i}", now - (i * 40), i)));
            round++;
            return await page.Locator("#anomalies tbody tr td.mono").CountAsync() > 0
                && int.Parse((await page.Locator("#score-chart").GetAttributeAsync("data-points"))!) > 0;
        }, Timeout, "scores charted and an anomaly listed");

        await Assertions.Expect(page.Locator("#stage-generated .total")).ToHaveTextAsync("1,200").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#stage-scored .total")).ToHaveTextAsync("1,000").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#dead-letters")).ToHaveTextAsync("2").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator($"#lag [data-group='{topics.ScorerGroup}'] .lag-total")).ToHaveTextAsync("200").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#threshold")).ToHaveTextAsync("0.420 (fixed)").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#precision")).ToHaveTextAsync("90.0 %").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#anomalies tbody tr").First).ToContainTextAsync("path_scan").WaitAsync(Timeout);
        await Assertions.Expect(page.Locator("#anomalies tbody tr td.why").First).ToHaveTextAsync("route never seen: /.env (81 %)").WaitAsync(Timeout);
        Assert.True(int.Parse((await page.Locator("#score-chart").GetAttributeAsync("data-flagged").WaitAsync(Timeout))!) > 0);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "pipeline-view.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true }).WaitAsync(Timeout);
        output.WriteLine($"screenshot: {screenshot}");
        Assert.Empty(errors);
    }

    /// <summary>Every tenth record flagged as an injected path scan, the rest normal traffic around 0.2.</summary>
    static ScoredLog Scored(string id, long scoredAt, int i) => new(
        new LogRecord
        {
            LogIdentifier = id,
            Timestamp = scoredAt,
            LogLevel = "INFO",
            Method = "GET",
            Path = "/api/items",
            StatusCode = 200,
            ResponseTime = 0.01,
            InjectedAnomaly = i % 10 == 0 ? "path_scan" : null,
        },
        new ScoreVerdict
        {
            AnomalyScore = i % 10 == 0 ? 0.6 + (i / 100.0) : 0.15 + (i % 7 / 50.0),
            IsAnomaly = i % 10 == 0,
            Threshold = FakeServices.Threshold,
            ThresholdMode = ScoreVerdict.FixedMode,
            ScoredAt = scoredAt,
            Explanation = i % 10 == 0 ? "route never seen: /.env (81 %)" : null,
        });
}
